import { disputeOpenedForAdminsTemplate, disputeOpenedForBuyerTemplate, disputeOpenedForSellerTemplate } from '../templates/dispute-opened-templates';
import { disputeResolvedTemplate, disputeRespondedTemplate, disputeReturnRequestedTemplate } from '../templates/dispute-step-templates';
import { type DisputeParty, disputedItems, disputeSummary, eachParty } from './dispute-parties';
import { notificationHandler } from './notification-handler';

const channels = ['email', 'in_app'] as const;
const sellers = (party: DisputeParty) => party.side === 'seller';

/**
 * Orders' dispute events: each step reaches the parties who did not take it. A chargeback's case
 * (DisputeOpened kind chargeback) is the one message about the chargeback: ChargebackOpened, which
 * opens it, has no handler, so admins and sellers hear of it once, with the case's link.
 */
export const disputeHandlers = [
  notificationHandler({
    event: 'marketplace.orders.DisputeOpened.v1',
    template: disputeOpenedForSellerTemplate,
    category: 'transactional',
    channels,
    order: (data) => data.orderId,
    audience: (data, { order }) => eachParty(data, (party) => ({ dispute: disputeSummary(data, order(), party) }), sellers),
  }),
  notificationHandler({
    event: 'marketplace.orders.DisputeOpened.v1',
    template: disputeOpenedForBuyerTemplate,
    category: 'transactional',
    channels,
    order: (data) => data.orderId,
    audience: (data, { order }) => eachParty(data, () => ({ dispute: disputeSummary(data, order()) }), (party) => party.side === 'buyer'),
  }),
  notificationHandler({
    event: 'marketplace.orders.DisputeOpened.v1',
    template: disputeOpenedForAdminsTemplate,
    category: 'transactional',
    channels,
    order: (data) => data.orderId,
    audience: (data, { order }) => [{ to: 'admins', data: { dispute: disputeSummary(data, order()) } }],
  }),
  notificationHandler({
    event: 'marketplace.orders.DisputeResponded.v1',
    template: disputeRespondedTemplate,
    category: 'transactional',
    channels,
    dispute: (data) => data.disputeId,
    audience: ({ disputeId, orderId, role, message, responderId }, { dispute }) =>
      eachParty(dispute(), () => ({ disputeId, orderId, from: role, message }), (party) => party.userId !== responderId),
  }),
  notificationHandler({
    event: 'marketplace.orders.DisputeReturnRequested.v1',
    template: disputeReturnRequestedTemplate,
    category: 'transactional',
    // The buyer has something to do: SMS too, when they allow it.
    channels: ['email', 'sms', 'in_app'],
    order: (data) => data.orderId,
    dispute: (data) => data.disputeId,
    audience: ({ disputeId, orderId, refundOnReceipt, note }, { order, dispute }) =>
      eachParty(dispute(), (party) => ({ disputeId, orderId, items: disputedItems(dispute(), order(), party), refund: refundOnReceipt, note, side: party.side })),
  }),
  notificationHandler({
    event: 'marketplace.orders.DisputeResolved.v1',
    template: disputeResolvedTemplate,
    category: 'transactional',
    channels,
    dispute: (data) => data.disputeId,
    // A chargeback case is settled by the buyer's bank, whatever the admin marks: its sellers read that it closed.
    audience: ({ disputeId, orderId, outcome, refund, note }, { dispute }) =>
      eachParty(dispute(), (party) => ({ disputeId, orderId, outcome: dispute().kind === 'chargeback' ? 'closed' : outcome, refund, note, side: party.side })),
  }),
];
