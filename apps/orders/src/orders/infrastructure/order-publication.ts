import { type EventType, TOPICS } from '@marketplace/contracts';
import type { RecordedEventMapper } from '@marketplace/messaging';
import type { DisputeEventType } from '../../disputes/domain/dispute-events';
import type { OrderEventType } from '../domain/order-events';

/** The contract version each stored order event is published as; OrderStockReserved and the dispute holds stay private. */
const PUBLISHED_AS: Partial<Record<OrderEventType, EventType>> = {
  OrderPlaced: 'marketplace.orders.OrderPlaced.v3',
  OrderPaymentRequested: 'marketplace.orders.OrderPaymentRequested.v2',
  OrderConfirmed: 'marketplace.orders.OrderConfirmed.v1',
  OrderCancelled: 'marketplace.orders.OrderCancelled.v2',
  OrderLineShipped: 'marketplace.orders.OrderLineShipped.v1',
  OrderDelivered: 'marketplace.orders.OrderDelivered.v1',
  OrderRefunded: 'marketplace.orders.OrderRefunded.v1',
  OrderDisputeWindowClosed: 'marketplace.orders.OrderDisputeWindowClosed.v1',
};

/** Every dispute event is public. */
const DISPUTE_PUBLISHED_AS: Record<DisputeEventType, EventType> = {
  DisputeOpened: 'marketplace.orders.DisputeOpened.v1',
  DisputeResponded: 'marketplace.orders.DisputeResponded.v1',
  DisputeReturnRequested: 'marketplace.orders.DisputeReturnRequested.v1',
  DisputeResolved: 'marketplace.orders.DisputeResolved.v1',
};

/**
 * The relay's mapping: order streams' public events to orders.order.v1 keyed by order id, dispute
 * streams' keyed by dispute id; the rest private.
 */
export const publishOrderEvent: RecordedEventMapper = (event) => {
  if (event.streamId.startsWith('dispute-')) {
    const type = DISPUTE_PUBLISHED_AS[event.type as DisputeEventType];
    return type && { topic: TOPICS.ordersOrder, type, subject: (event.data as { disputeId: string }).disputeId };
  }
  const type = event.streamId.startsWith('order-') ? PUBLISHED_AS[event.type as OrderEventType] : undefined;
  return type && { topic: TOPICS.ordersOrder, type, subject: (event.data as { orderId: string }).orderId };
};
