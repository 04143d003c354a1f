import { disputeOpened } from './dispute-opened';
import { disputeResolved } from './dispute-resolved';
import { disputeResponded } from './dispute-responded';
import { disputeReturnRequested } from './dispute-return-requested';
import { orderCancelled } from './order-cancelled';
import { orderCancelledV2 } from './order-cancelled-v2';
import { orderConfirmed } from './order-confirmed';
import { orderDelivered } from './order-delivered';
import { orderDisputeWindowClosed } from './order-dispute-window-closed';
import { orderLineShipped } from './order-line-shipped';
import { orderPaymentRequested } from './order-payment-requested';
import { orderPaymentRequestedV2 } from './order-payment-requested-v2';
import { orderPlaced } from './order-placed';
import { orderPlacedV2 } from './order-placed-v2';
import { orderPlacedV3 } from './order-placed-v3';
import { orderRefunded } from './order-refunded';

export * from './dispute-opened';
export * from './dispute-reason';
export * from './dispute-resolved';
export * from './dispute-responded';
export * from './dispute-return-requested';
export * from './order-cancelled';
export * from './order-cancelled-v2';
export * from './order-confirmed';
export * from './order-delivered';
export * from './order-dispute-window-closed';
export * from './order-line';
export * from './order-line-shipped';
export * from './order-payment-requested';
export * from './order-payment-requested-v2';
export * from './order-placed';
export * from './order-placed-v2';
export * from './order-placed-v3';
export * from './order-refunded';
export * from './shipping-address';

export const ordersEvents = [
  orderPlaced,
  orderPlacedV2,
  orderPlacedV3,
  orderPaymentRequested,
  orderPaymentRequestedV2,
  orderConfirmed,
  orderCancelled,
  orderCancelledV2,
  orderLineShipped,
  orderDelivered,
  orderDisputeWindowClosed,
  orderRefunded,
  disputeOpened,
  disputeResponded,
  disputeReturnRequested,
  disputeResolved,
] as const;
