import { orderCancelled } from './order-cancelled';
import { orderCancelledV2 } from './order-cancelled-v2';
import { orderConfirmed } from './order-confirmed';
import { orderDelivered } from './order-delivered';
import { orderLineShipped } from './order-line-shipped';
import { orderPaymentRequested } from './order-payment-requested';
import { orderPlaced } from './order-placed';
import { orderPlacedV2 } from './order-placed-v2';
import { orderRefunded } from './order-refunded';

export * from './order-cancelled';
export * from './order-cancelled-v2';
export * from './order-confirmed';
export * from './order-delivered';
export * from './order-line';
export * from './order-line-shipped';
export * from './order-payment-requested';
export * from './order-placed';
export * from './order-placed-v2';
export * from './order-refunded';
export * from './shipping-address';

export const ordersEvents = [
  orderPlaced,
  orderPlacedV2,
  orderPaymentRequested,
  orderConfirmed,
  orderCancelled,
  orderCancelledV2,
  orderLineShipped,
  orderDelivered,
  orderRefunded,
] as const;
