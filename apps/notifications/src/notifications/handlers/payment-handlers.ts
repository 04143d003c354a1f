import { mobileMoneyApprovalTemplate, paymentFailedTemplate, saleRefundedTemplate } from '../templates/payment-templates';
import { eachSeller, notificationHandler } from './notification-handler';

/**
 * Payments' events: the buyer hears of a declined payment and of a mobile money request waiting on
 * their phone; the sellers of a refund on their sale.
 */
export const paymentHandlers = [
  notificationHandler({
    event: 'marketplace.payments.PaymentFailed.v1',
    template: paymentFailedTemplate,
    category: 'transactional',
    channels: ['email', 'in_app'],
    order: (data) => data.orderId,
    audience: ({ orderId, amount, failureCode, message }, { order }) => [{ to: 'user', userId: order().buyerId, data: { orderId, amount, failureCode, message } }],
  }),
  notificationHandler({
    event: 'marketplace.payments.PaymentRequiresAction.v1',
    template: mobileMoneyApprovalTemplate,
    category: 'transactional',
    // The buyer may be away from the checkout page: the phone is where the approval happens.
    channels: ['sms', 'in_app'],
    order: (data) => data.orderId,
    // Card actions (3-D Secure) happen in the checkout page that asked for them.
    filter: (data) => data.nextActionType === 'mobile_money_push',
    audience: ({ orderId }, { order }) => {
      const { buyerId, total, paymentMethod } = order();
      const method = typeof paymentMethod === 'string' ? undefined : paymentMethod;
      return [{ to: 'user', userId: buyerId, data: { orderId, amount: total, network: method?.provider, phone: method?.phone } }];
    },
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
