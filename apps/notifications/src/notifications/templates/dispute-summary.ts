import type { DisputeReason, Money } from '@marketplace/contracts';
import { formatMoney } from './intl-format';
import type { AmountTable } from './message-template';

/** A disputed line as messages show it: what it is (from the order) and what it cost the buyer. */
export interface DisputedItem {
  title: string;
  quantity: number;
  amount: Money;
}

/** What dispute messages show: the case, why it was opened and the items it holds (a seller's own, or all). */
export interface DisputeSummary {
  disputeId: string;
  orderId: string;
  kind: 'buyer' | 'chargeback';
  reason: DisputeReason;
  description: string;
  items: readonly DisputedItem[];
}

const REASONS: Record<DisputeReason, string> = {
  not_received: 'not received',
  not_as_described: 'not as described',
  damaged: 'arrived damaged',
  wrong_item: 'wrong item sent',
  other: 'another reason',
  chargeback: "the buyer's bank disputed the payment",
};

export function reasonText(reason: DisputeReason): string {
  return REASONS[reason];
}

/** "2 × Merino scarf and 1 × Alpaca mittens". */
export function itemsText(items: readonly DisputedItem[]): string {
  const named = items.map((item) => `${item.quantity} × ${item.title}`);
  return named.length > 1 ? `${named.slice(0, -1).join(', ')} and ${named[named.length - 1]}` : (named[0] ?? 'the items');
}

/** The items of one order, hence of one currency; never none (a dispute has lines, a seller hears of theirs). */
export function itemsTotal(items: readonly DisputedItem[]): Money {
  return { amount: items.reduce((sum, item) => sum + item.amount.amount, 0), currency: items[0].amount.currency };
}

export function itemsTable(items: readonly DisputedItem[], locale: string): AmountTable {
  return {
    rows: items.map((item) => ({ label: `${item.quantity} × ${item.title}`, amount: formatMoney(item.amount, locale) })),
    totals: [{ label: 'Disputed', amount: formatMoney(itemsTotal(items), locale) }],
  };
}

/** Buyers and sellers follow a case on its page; admins decide it on theirs. */
export function disputeLink(webUrl: string, disputeId: string, label: string, viewer: 'party' | 'admin' = 'party') {
  return { label, url: viewer === 'admin' ? `${webUrl}/admin/disputes/${disputeId}` : `${webUrl}/disputes/${disputeId}` };
}

/** An admin's note on a step, as a paragraph when there is one. */
export function staffNote(note: string | undefined): string[] {
  return note ? [`Our staff's note: ${note}`] : [];
}
