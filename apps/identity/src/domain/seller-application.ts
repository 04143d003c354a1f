import type { Role } from '@marketplace/contracts';
import { AlreadySellerError, SellerApplicationAlreadyDecidedError } from './errors';

export interface SellerContact {
  email?: string;
  phone?: string;
}

interface ApplicationBase {
  id: string;
  userId: string;
  businessName: string;
  contact: SellerContact;
  /** ISO 3166-1 alpha-2, upper case. */
  country: string;
  submittedAt: Date;
}

/** A seller application is submitted, then decided once by an admin. */
export type SellerApplication =
  | (ApplicationBase & { status: 'submitted' })
  | (ApplicationBase & { status: 'approved'; decidedBy: string; decidedAt: Date })
  | (ApplicationBase & { status: 'rejected'; decidedBy: string; decidedAt: Date; reason: string });

export type SellerApplicationStatus = SellerApplication['status'];

export interface SubmitApplication {
  id: string;
  userId: string;
  roles: readonly Role[];
  businessName: string;
  contact: SellerContact;
  country: string;
  now: Date;
}

/** A buyer who is not yet a seller may apply (the one-open-application rule is the store's unique index). */
export function submitApplication(command: SubmitApplication): SellerApplication {
  if (command.roles.includes('seller')) throw new AlreadySellerError();
  return {
    id: command.id,
    userId: command.userId,
    businessName: command.businessName,
    contact: command.contact,
    country: command.country.toUpperCase(),
    submittedAt: command.now,
    status: 'submitted',
  };
}

export function approveApplication(application: SellerApplication, decision: { adminId: string; now: Date }): SellerApplication {
  const open = assertOpen(application);
  return { ...open, status: 'approved', decidedBy: decision.adminId, decidedAt: decision.now };
}

export function rejectApplication(application: SellerApplication, decision: { adminId: string; reason: string; now: Date }): SellerApplication {
  const open = assertOpen(application);
  return { ...open, status: 'rejected', decidedBy: decision.adminId, decidedAt: decision.now, reason: decision.reason };
}

function assertOpen(application: SellerApplication): ApplicationBase {
  switch (application.status) {
    case 'submitted': {
      const { status: _status, ...base } = application;
      return base;
    }
    case 'approved':
    case 'rejected':
      throw new SellerApplicationAlreadyDecidedError(application.status);
    default: {
      const unreachable: never = application;
      return unreachable;
    }
  }
}
