import type { SellerApplication } from '../domain/seller-application';
import type { User } from '../domain/user';

/** What the API shows of an account: never the password hash. */
export function userView(user: User) {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    phone: user.phone,
    locale: user.locale,
    roles: user.roles,
    emailVerified: user.emailVerifiedAt !== null,
    createdAt: user.createdAt.toISOString(),
  };
}

export function applicationView(application: SellerApplication) {
  return {
    id: application.id,
    userId: application.userId,
    businessName: application.businessName,
    contact: application.contact,
    country: application.country,
    status: application.status,
    submittedAt: application.submittedAt.toISOString(),
    ...(application.status === 'submitted' ? {} : { decidedBy: application.decidedBy, decidedAt: application.decidedAt.toISOString() }),
    ...(application.status === 'rejected' ? { reason: application.reason } : {}),
  };
}
