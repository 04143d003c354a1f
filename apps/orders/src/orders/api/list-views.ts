import type { Page } from '@marketplace/platform';
import type { LineRow, SummaryRow } from '../infrastructure/read-model/order-lists-repository';

const money = (amount: string | number, currency: string) => ({ amount: Number(amount), currency });
const iso = (at: Date | null) => at?.toISOString() ?? null;

export function summaryView(row: SummaryRow) {
  return {
    orderId: row.order_id,
    buyerId: row.buyer_id,
    status: row.status,
    total: money(row.total, row.currency),
    refunded: money(row.refunded, row.currency),
    lineCount: row.line_count,
    itemCount: row.item_count,
    sellerIds: row.seller_ids,
    cancelReason: row.cancel_reason,
    placedAt: iso(row.placed_at),
    confirmedAt: iso(row.confirmed_at),
    shippedAt: iso(row.shipped_at),
    deliveredAt: iso(row.delivered_at),
    cancelledAt: iso(row.cancelled_at),
  };
}

export function sellerLineView(row: LineRow) {
  return {
    productId: row.product_id,
    title: row.title,
    quantity: row.quantity,
    unitPrice: money(row.unit_price, row.currency),
    lineTotal: money(row.line_total, row.currency),
    status: row.line_status,
    carrier: row.carrier,
    trackingNumber: row.tracking_number,
    shippedAt: iso(row.shipped_at),
  };
}

export function pageView<T, V>(page: Page<T>, view: (item: T) => V) {
  return { items: page.items.map(view), nextCursor: page.nextCursor };
}
