import type { DisputedLine, OrderPlaced } from '@marketplace/contracts';

/** The order's lines a dispute covers (all of them when none are named), each with what it cost the buyer. */
export function disputedLines(order: OrderPlaced, productIds?: readonly string[]): DisputedLine[] {
  return order.lines
    .filter((line) => !productIds || productIds.includes(line.productId))
    .map((line) => ({ productId: line.productId, sellerId: line.sellerId, amount: line.lineTotal }));
}
