import * as t from '../templates/order-templates';
import type { OrderSummary } from '../templates/order-summary';
import { eachSeller, notificationHandler, type OrderFacts } from './notification-handler';

const buyerChannels = ['email', 'sms', 'in_app'] as const;

function summary(order: OrderFacts): OrderSummary {
  const { orderId, lines, subtotal, shipping, tax, total } = order;
  return { orderId, lines, subtotal, shipping, tax, total };
}

/** Orders' events: the buyer hears of each step; each seller hears of the lines they must ship. */
export const orderHandlers = [
  notificationHandler({
    event: 'marketplace.orders.OrderConfirmed.v1',
    template: t.orderConfirmedTemplate,
    category: 'transactional',
    channels: buyerChannels,
    order: (data) => data.orderId,
    audience: (data, { order }) => [{ to: 'user', userId: data.buyerId, data: { order: summary(order()) } }],
  }),
  notificationHandler({
    event: 'marketplace.orders.OrderConfirmed.v1',
    template: t.newOrderLinesTemplate,
    category: 'transactional',
    channels: ['email', 'in_app'],
    order: (data) => data.orderId,
    audience: (data, { order }) => eachSeller(order(), (lines) => ({ orderId: data.orderId, lines })),
  }),
  notificationHandler({
    event: 'marketplace.orders.OrderCancelled.v2',
    template: t.orderCancelledTemplate,
    category: 'transactional',
    channels: buyerChannels,
    // A declined payment is told by payments' PaymentFailed, with the provider's reason.
    filter: (data) => data.reason !== 'payment_failed',
    audience: (data) => [{ to: 'user', userId: data.buyerId, data: { orderId: data.orderId, reason: data.reason, detail: data.detail } }],
  }),
  notificationHandler({
    event: 'marketplace.orders.OrderLineShipped.v1',
    template: t.orderShippedTemplate,
    category: 'transactional',
    channels: buyerChannels,
    order: (data) => data.orderId,
    audience: (data, { order }) => [
      {
        to: 'user',
        userId: order().buyerId,
        data: {
          orderId: data.orderId,
          title: order().lines.find((line) => line.productId === data.productId)?.title ?? 'An item',
          quantity: data.quantity,
          carrier: data.carrier,
          trackingNumber: data.trackingNumber,
        },
      },
    ],
  }),
  notificationHandler({
    event: 'marketplace.orders.OrderDelivered.v1',
    template: t.orderDeliveredTemplate,
    category: 'transactional',
    channels: ['email', 'in_app'],
    audience: (data) => [{ to: 'user', userId: data.buyerId, data: { orderId: data.orderId } }],
  }),
  notificationHandler({
    event: 'marketplace.orders.OrderRefunded.v1',
    template: t.orderRefundedTemplate,
    category: 'transactional',
    channels: buyerChannels,
    audience: (data) => [{ to: 'user', userId: data.buyerId, data: { orderId: data.orderId, amount: data.amount } }],
  }),
];
