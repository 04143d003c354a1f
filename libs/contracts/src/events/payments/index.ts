import { paymentCaptured } from './payment-captured';
import { paymentFailed } from './payment-failed';
import { paymentInitiated } from './payment-initiated';
import { paymentRequiresAction } from './payment-requires-action';
import { refundIssued } from './refund-issued';

export * from './payment-captured';
export * from './payment-failed';
export * from './payment-initiated';
export * from './payment-provider';
export * from './payment-requires-action';
export * from './refund-issued';

export const paymentsEvents = [
  paymentInitiated,
  paymentRequiresAction,
  paymentCaptured,
  paymentFailed,
  refundIssued,
] as const;
