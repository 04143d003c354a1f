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

/** Producers must not publish an order whose figures do not add up; one currency per order. */
export function checkOrderFigures(
  order: { lines: OrderLine[]; total: { amount: number; currency: string } },
  ctx: z.RefinementCtx,
): void {
  const seen = new Set<string>();
  order.lines.forEach((line, index) => {
    if (seen.has(line.productId)) ctx.addIssue({ code: 'custom', path: ['lines', index, 'productId'], message: 'one line per product' });
    seen.add(line.productId);
    if (line.unitPrice.currency !== order.total.currency || line.lineTotal.currency !== order.total.currency) {
      ctx.addIssue({ code: 'custom', path: ['lines', index], message: 'every price must be in the order currency' });
    }
    if (line.lineTotal.amount !== line.unitPrice.amount * line.quantity) {
      ctx.addIssue({ code: 'custom', path: ['lines', index, 'lineTotal'], message: 'lineTotal must equal unitPrice x quantity' });
    }
  });
  const sum = order.lines.reduce((total, line) => total + line.lineTotal.amount, 0);
  if (sum !== order.total.amount) {
    ctx.addIssue({ code: 'custom', path: ['total'], message: 'total must equal the sum of the line totals' });
  }
}
