import { sellerPayoutFailedTemplate, sellerPayoutPaidTemplate } from '../templates/payout-templates';
import { notificationHandler } from './notification-handler';

/** Payments' payouts: the seller hears when their money was sent, or why it could not be. */
export const payoutHandlers = [
  notificationHandler({
    event: 'marketplace.payments.SellerPayoutPaid.v1',
    template: sellerPayoutPaidTemplate,
    category: 'transactional',
    channels: ['email', 'in_app'],
    audience: (data) => [{ to: 'user', userId: data.sellerId, data: { amount: data.amount, reference: data.providerPayoutId } }],
  }),
  notificationHandler({
    event: 'marketplace.payments.SellerPayoutFailed.v1',
    template: sellerPayoutFailedTemplate,
    category: 'transactional',
    channels: ['email', 'in_app'],
    audience: (data) => [{ to: 'user', userId: data.sellerId, data: { amount: data.amount, failureCode: data.failureCode, message: data.message } }],
  }),
];
