import type { DisputedItem, DisputeSummary } from '../templates/dispute-summary';
import type { DisputeSide } from '../templates/dispute-step-templates';
import type { Audience, DisputeFacts, OrderFacts } from './notification-handler';

export interface DisputeParty {
  userId: string;
  side: DisputeSide;
}

/**
 * Who a dispute concerns: the sellers of its lines, and its buyer when the buyer opened it (a
 * chargeback's buyer speaks through their bank, not through the case).
 */
export function disputeParties(dispute: DisputeFacts): DisputeParty[] {
  const sellers = [...new Set(dispute.lines.map((line) => line.sellerId))].map((userId): DisputeParty => ({ userId, side: 'seller' }));
  return dispute.kind === 'buyer' ? [{ userId: dispute.buyerId, side: 'buyer' }, ...sellers] : sellers;
}

/** Each party the filter keeps, with the template data for them. */
export function eachParty<D>(dispute: DisputeFacts, data: (party: DisputeParty) => D, keep: (party: DisputeParty) => boolean = () => true): Array<Audience<D>> {
  return disputeParties(dispute)
    .filter(keep)
    .map((party) => ({ to: 'user', userId: party.userId, data: data(party) }));
}

/** The disputed lines as the order shows them; a seller sees only their own. */
export function disputedItems(dispute: DisputeFacts, order: OrderFacts, party?: DisputeParty): DisputedItem[] {
  return dispute.lines
    .filter((line) => party?.side !== 'seller' || line.sellerId === party.userId)
    .map((line) => {
      const ordered = order.lines.find((orderLine) => orderLine.productId === line.productId);
      return { title: ordered?.title ?? 'An item', quantity: ordered?.quantity ?? 1, amount: line.amount };
    });
}

export function disputeSummary(dispute: DisputeFacts, order: OrderFacts, party?: DisputeParty): DisputeSummary {
  const { disputeId, orderId, kind, reason, description } = dispute;
  return { disputeId, orderId, kind, reason, description, items: disputedItems(dispute, order, party) };
}
