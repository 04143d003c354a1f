import type { Money } from '@marketplace/contracts';
import type { AmountTable } from './message-template';
import { formatMoney } from './intl-format';

/** What order messages show: the lines as the buyer bought them and the order's totals. */
export interface OrderSummary {
  orderId: string;
  lines: ReadonlyArray<{ title: string; quantity: number; unitPrice: Money; lineTotal: Money }>;
  subtotal: Money;
  shipping: Money;
  tax: Money;
  total: Money;
}

export function linesTable(lines: OrderSummary['lines'], locale: string, totals: AmountTable['totals'] = []): AmountTable {
  return {
    rows: lines.map((line) => ({
      label: `${line.quantity} × ${line.title} (${formatMoney(line.unitPrice, locale)} each)`,
      amount: formatMoney(line.lineTotal, locale),
    })),
    totals,
  };
}

export function orderTable(order: OrderSummary, locale: string): AmountTable {
  return linesTable(order.lines, locale, [
    { label: 'Subtotal', amount: formatMoney(order.subtotal, locale) },
    { label: 'Shipping', amount: formatMoney(order.shipping, locale) },
    { label: 'Tax', amount: formatMoney(order.tax, locale) },
    { label: 'Total', amount: formatMoney(order.total, locale) },
  ]);
}

export function orderLink(webUrl: string, orderId: string) {
  return { label: 'See your order', url: `${webUrl}/orders/${orderId}` };
}

/** An id as messages name it: its first eight characters, enough to tell a reader's orders apart. */
export function shortId(id: string): string {
  return id.slice(0, 8);
}
