import { emailVerificationRequested } from './email-verification-requested';
import { emailVerified } from './email-verified';
import { passwordResetRequested } from './password-reset-requested';
import { roleGranted } from './role-granted';
import { sellerApplicationSubmitted } from './seller-application-submitted';
import { sellerApproved } from './seller-approved';
import { sellerRejected } from './seller-rejected';
import { userDeactivated } from './user-deactivated';
import { userRegistered } from './user-registered';

export * from './email-verification-requested';
export * from './email-verified';
export * from './password-reset-requested';
export * from './role';
export * from './role-granted';
export * from './sealed-link';
export * from './seller-application-submitted';
export * from './seller-approved';
export * from './seller-rejected';
export * from './user-deactivated';
export * from './user-registered';

export const identityEvents = [
  userRegistered,
  emailVerificationRequested,
  emailVerified,
  passwordResetRequested,
  roleGranted,
  sellerApplicationSubmitted,
  sellerApproved,
  sellerRejected,
  userDeactivated,
] as const;
