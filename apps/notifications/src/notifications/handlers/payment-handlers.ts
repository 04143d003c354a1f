import { paymentFailedTemplate, saleRefundedTemplate } from '../templates/payment-templates';
import { eachSeller, notificationHandler } from './notification-handler';

/** Payments' events: the buyer hears of a declined payment; the sellers of a refund on their sale. */
export const paymentHandlers = [
  notificationHandler({
    event: 'marketplace.payments.PaymentFailed.v1',
    template: paymentFailedTemplate,
    category: 'transactional',
    channels: ['email', 'in_app'],
    order: (data) => data.orderId,
    audience: (data, { order }) => [{ to: 'user', userId: order().buyerId, data: { orderId: data.orderId, amount: data.amount, message: data.message } }],
  }),
  notificationHandler({
    event: 'marketplace.payments.RefundIssued.v1',
    template: saleRefundedTemplate,
    category: 'transactional',
    channels: ['email', 'in_app'],
    order: (data) => data.orderId,
    audience: (data, { order }) => eachSeller(order(), () => ({ orderId: data.orderId, amount: data.amount, reason: data.reason })),
  }),
];
