import type { RecordedEvent } from '@marketplace/event-store';
import { historyEntry } from '../../orders/api/order-views';
import { type ActiveDispute, disputedTotal } from '../domain/dispute-state';
import type { DisputeRow } from '../infrastructure/read-model/dispute-lists-repository';

/** A dispute as its parties and admins see it: how it was opened, where it stands, and (when read) its history. */
export function disputeView(state: ActiveDispute, events?: readonly RecordedEvent[]) {
  const { opened, resolution } = state;
  return {
    disputeId: opened.disputeId,
    orderId: opened.orderId,
    buyerId: opened.buyerId,
    paymentId: opened.paymentId,
    kind: opened.kind,
    status: state.status,
    reason: opened.reason,
    description: opened.description,
    lines: opened.lines,
    disputedTotal: disputedTotal(state),
    refundOnReceipt: state.refundOnReceipt ?? null,
    resolution: resolution ? { outcome: resolution.outcome, refund: resolution.refund ?? null, resolvedBy: resolution.resolvedBy, note: resolution.note ?? null, resolvedAt: resolution.resolvedAt } : null,
    openedAt: opened.openedAt,
    ...(events && { history: events.map(historyEntry) }),
  };
}

export function disputeSummaryView(row: DisputeRow) {
  return {
    disputeId: row.dispute_id,
    orderId: row.order_id,
    buyerId: row.buyer_id,
    kind: row.kind,
    status: row.status,
    reason: row.reason,
    productIds: row.product_ids,
    sellerIds: row.seller_ids,
    disputedTotal: { amount: Number(row.disputed_amount), currency: row.currency },
    responses: row.responses,
    outcome: row.outcome,
    refund: row.refund_amount === null ? null : { amount: Number(row.refund_amount), currency: row.currency },
    openedAt: row.opened_at.toISOString(),
    resolvedAt: row.resolved_at?.toISOString() ?? null,
  };
}
