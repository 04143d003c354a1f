import type { Money } from '@marketplace/contracts';
import type { PriceEntry } from '../../price-list/domain/price-entry';
import type { CartItem } from './cart';

export interface CartLineView {
  productId: string;
  title: string;
  sellerId: string;
  quantity: number;
  /** Today's price; `priceWhenAdded` is the one the buyer saw when putting it in the cart. */
  unitPrice: Money;
  lineTotal: Money;
  priceWhenAdded: Money;
  priceChanged: boolean;
  /** False once the product is archived (or unpublished): it must be removed before checkout. */
  available: boolean;
}

export interface CartView {
  items: CartLineView[];
  /** Of the available items, at today's prices; null for an empty cart. */
  subtotal: Money | null;
  itemCount: number;
}

/** The cart as the buyer sees it: each item at today's price, flagged when that changed since it was added. */
export function viewCart(items: readonly CartItem[], prices: ReadonlyMap<string, PriceEntry>): CartView {
  const lines = items.map((item): CartLineView => {
    const entry = prices.get(item.productId);
    const unitPrice = entry?.price ?? item.priceWhenAdded;
    return {
      productId: item.productId,
      title: entry?.title ?? '',
      sellerId: entry?.sellerId ?? '',
      quantity: item.quantity,
      unitPrice,
      lineTotal: { amount: unitPrice.amount * item.quantity, currency: unitPrice.currency },
      priceWhenAdded: item.priceWhenAdded,
      priceChanged: unitPrice.amount !== item.priceWhenAdded.amount || unitPrice.currency !== item.priceWhenAdded.currency,
      available: entry?.status === 'published',
    };
  });
  const available = lines.filter((line) => line.available);
  const currency = lines[0]?.unitPrice.currency;
  return {
    items: lines,
    subtotal: currency === undefined ? null : { amount: available.reduce((sum, line) => sum + line.lineTotal.amount, 0), currency },
    itemCount: lines.reduce((sum, line) => sum + line.quantity, 0),
  };
}
