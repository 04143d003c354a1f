import { orderCancelled } from './order-cancelled';
import { orderConfirmed } from './order-confirmed';
import { orderDelivered } from './order-delivered';
import { orderLineShipped } from './order-line-shipped';
import { orderPaymentRequested } from './order-payment-requested';
import { orderPlaced } from './order-placed';
import { orderRefunded } from './order-refunded';

export * from './order-cancelled';
export * from './order-confirmed';
export * from './order-delivered';
export * from './order-line';
export * from './order-line-shipped';
export * from './order-payment-requested';
export * from './order-placed';
export * from './order-refunded';
export * from './shipping-address';

export const ordersEvents = [
  orderPlaced,
  orderPaymentRequested,
  orderConfirmed,
  orderCancelled,
  orderLineShipped,
  orderDelivered,
  orderRefunded,
] as const;
