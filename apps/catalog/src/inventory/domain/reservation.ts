import type { ReservedLine, StockRequest } from './reservation-plan';
import { available, type StockLevel } from './stock-level';

/** `failed` is final too: the same order placed again is answered by its first outcome, never retried. */
export type ReservationStatus = 'reserved' | 'failed' | 'released' | 'committed';

/** An order's claim on stock, keyed by the order id: what makes reserve, release and commit idempotent. */
export interface Reservation {
  orderId: string;
  status: ReservationStatus;
  lines: StockRequest[];
}

export type SettleAction = 'release' | 'commit';

export type Settlement =
  | { outcome: 'applied'; status: 'released' | 'committed'; levels: StockLevel[]; lines: ReservedLine[] }
  | { outcome: 'ignored'; reason: string };

/** The stock rows disagree with a reservation that holds them: a bug or a manual edit, never an input error. */
export class StockInvariantError extends Error {
  override readonly name = 'StockInvariantError';
}

/**
 * Release gives the reserved quantities back; commit takes them out of the stock on hand. Releasing a
 * committed reservation puts its quantities back on hand: orders cancels a confirmed order only before
 * any line ships, so the goods are still there. Anything else (unknown, failed, settled) is ignored.
 */
export function settleReservation(action: SettleAction, reservation: Reservation | undefined, levels: readonly StockLevel[]): Settlement {
  if (!reservation) return { outcome: 'ignored', reason: 'no reservation for this order' };
  const restock = action === 'release' && reservation.status === 'committed';
  if (reservation.status !== 'reserved' && !restock) return { outcome: 'ignored', reason: `the reservation is already ${reservation.status}` };
  const byProduct = new Map(levels.map((level) => [level.productId, level]));
  const updated = reservation.lines.map(({ productId, quantity }) => {
    const level = byProduct.get(productId);
    if (!level) throw new StockInvariantError(`product ${productId} of order ${reservation.orderId} has no stock row`);
    if (restock) return { ...level, onHand: level.onHand + quantity };
    if (level.reserved < quantity) throw new StockInvariantError(`product ${productId} holds less than the ${quantity} reserved by order ${reservation.orderId}`);
    return { ...level, reserved: level.reserved - quantity, onHand: action === 'commit' ? level.onHand - quantity : level.onHand };
  });
  return {
    outcome: 'applied',
    status: action === 'commit' ? 'committed' : 'released',
    levels: updated,
    lines: reservation.lines.map((line, index) => ({ ...line, available: available(updated[index]) })),
  };
}
