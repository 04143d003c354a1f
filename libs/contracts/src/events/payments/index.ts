import { chargebackClosed } from './chargeback-closed';
import { chargebackOpened } from './chargeback-opened';
import { paymentCaptured } from './payment-captured';
import { paymentFailed } from './payment-failed';
import { paymentInitiated } from './payment-initiated';
import { paymentInitiatedV2 } from './payment-initiated-v2';
import { paymentRequiresAction } from './payment-requires-action';
import { refundIssued } from './refund-issued';
import { sellerPayoutFailed } from './seller-payout-failed';
import { sellerPayoutPaid } from './seller-payout-paid';
import { sellerPayoutScheduled } from './seller-payout-scheduled';

export * from './chargeback-closed';
export * from './chargeback-opened';
export * from './payment-captured';
export * from './payment-failed';
export * from './payment-initiated';
export * from './payment-initiated-v2';
export * from './payment-provider';
export * from './payment-requires-action';
export * from './refund-issued';
export * from './seller-payout-failed';
export * from './seller-payout-paid';
export * from './seller-payout-scheduled';

export const paymentsEvents = [
  paymentInitiated,
  paymentInitiatedV2,
  paymentRequiresAction,
  paymentCaptured,
  paymentFailed,
  refundIssued,
  chargebackOpened,
  chargebackClosed,
  sellerPayoutScheduled,
  sellerPayoutPaid,
  sellerPayoutFailed,
] as const;
