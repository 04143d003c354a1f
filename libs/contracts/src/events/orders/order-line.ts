import { z } from 'zod';
import { money, positiveQuantity, uuid } from '../../values';

/** One product of an order with the price as it was when the order was placed (the price snapshot). */
export const orderLine = z.strictObject({
  productId: uuid,
  sellerId: uuid,
  title: z.string().min(1).max(300),
  quantity: positiveQuantity,
  unitPrice: money,
  lineTotal: money.describe('unitPrice x quantity'),
});

export type OrderLine = z.infer<typeof orderLine>;

type Figures = { amount: number; currency: string };

/** Producers must not publish an order whose figures do not add up; one currency per order (v1: total = the lines). */
export function checkOrderFigures(order: { lines: OrderLine[]; total: Figures }, ctx: z.RefinementCtx): void {
  const sum = checkLines(order.lines, order.total.currency, ctx);
  if (sum !== order.total.amount) {
    ctx.addIssue({ code: 'custom', path: ['total'], message: 'total must equal the sum of the line totals' });
  }
}

/** v2: subtotal = the lines, total = subtotal + shipping + tax, all in one currency. */
export function checkOrderTotals(
  order: { lines: OrderLine[]; subtotal: Figures; shipping: Figures; tax: Figures; total: Figures },
  ctx: z.RefinementCtx,
): void {
  const { currency } = order.total;
  const sum = checkLines(order.lines, currency, ctx);
  for (const field of ['subtotal', 'shipping', 'tax'] as const) {
    if (order[field].currency !== currency) ctx.addIssue({ code: 'custom', path: [field, 'currency'], message: 'must be the order currency' });
  }
  if (sum !== order.subtotal.amount) {
    ctx.addIssue({ code: 'custom', path: ['subtotal'], message: 'subtotal must equal the sum of the line totals' });
  }
  if (order.subtotal.amount + order.shipping.amount + order.tax.amount !== order.total.amount) {
    ctx.addIssue({ code: 'custom', path: ['total'], message: 'total must equal subtotal + shipping + tax' });
  }
}

/** Checks each line (one per product, in the currency, lineTotal = unitPrice x quantity); returns their sum. */
function checkLines(lines: OrderLine[], currency: string, ctx: z.RefinementCtx): number {
  const seen = new Set<string>();
  lines.forEach((line, index) => {
    if (seen.has(line.productId)) ctx.addIssue({ code: 'custom', path: ['lines', index, 'productId'], message: 'one line per product' });
    seen.add(line.productId);
    if (line.unitPrice.currency !== currency || line.lineTotal.currency !== currency) {
      ctx.addIssue({ code: 'custom', path: ['lines', index], message: 'every price must be in the order currency' });
    }
    if (line.lineTotal.amount !== line.unitPrice.amount * line.quantity) {
      ctx.addIssue({ code: 'custom', path: ['lines', index, 'lineTotal'], message: 'lineTotal must equal unitPrice x quantity' });
    }
  });
  return lines.reduce((total, line) => total + line.lineTotal.amount, 0);
}
