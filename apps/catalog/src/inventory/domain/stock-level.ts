import { OnHandBelowReservedError } from './inventory-errors';

/** One product's stock: what is in the warehouse and how much of it orders hold. */
export interface StockLevel {
  productId: string;
  sellerId: string;
  onHand: number;
  reserved: number;
}

/** What can still be reserved; never negative because reserved never exceeds on hand. */
export function available(level: StockLevel): number {
  return Math.max(0, level.onHand - level.reserved);
}

/** A seller counts the stock: the new on-hand quantity may not drop below what orders already hold. */
export function setOnHand(level: StockLevel, onHand: number): StockLevel {
  if (onHand < level.reserved) throw new OnHandBelowReservedError(onHand, level.reserved);
  return { ...level, onHand };
}
