import { emailVerificationRequested } from './email-verification-requested';
import { emailVerified } from './email-verified';
import { mfaDisabled } from './mfa-disabled';
import { mfaEnabled } from './mfa-enabled';
import { passwordResetRequested } from './password-reset-requested';
import { roleGranted } from './role-granted';
import { sellerApplicationSubmitted } from './seller-application-submitted';
import { sellerApproved } from './seller-approved';
import { sellerRejected } from './seller-rejected';
import { userDeactivated } from './user-deactivated';
import { userProfileChanged } from './user-profile-changed';
import { userRegistered } from './user-registered';
import { userRegisteredV2 } from './user-registered-v2';
import { userRegisteredV3 } from './user-registered-v3';

export * from './email-verification-requested';
export * from './email-verified';
export * from './mfa-disabled';
export * from './mfa-enabled';
export * from './mfa-method';
export * from './password-reset-requested';
export * from './role';
export * from './role-granted';
export * from './sealed-link';
export * from './sign-up-method';
export * from './seller-application-submitted';
export * from './seller-approved';
export * from './seller-rejected';
export * from './user-deactivated';
export * from './user-profile-changed';
export * from './user-profile-fields';
export * from './user-registered';
export * from './user-registered-v2';
export * from './user-registered-v3';

export const identityEvents = [
  userRegistered,
  userRegisteredV2,
  userRegisteredV3,
  userProfileChanged,
  emailVerificationRequested,
  emailVerified,
  passwordResetRequested,
  roleGranted,
  sellerApplicationSubmitted,
  sellerApproved,
  sellerRejected,
  userDeactivated,
  mfaEnabled,
  mfaDisabled,
] as const;
