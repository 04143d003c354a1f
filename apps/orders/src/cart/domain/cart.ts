import type { Money } from '@marketplace/contracts';
import { DomainError } from '@marketplace/kernel';
import { MAX_LINES_PER_ORDER, MAX_QUANTITY_PER_LINE } from '../../orders/domain/order-draft';
import { MixedCurrenciesError, ProductsNotAvailableError } from '../../orders/domain/order-errors';
import type { PriceEntry } from '../../price-list/domain/price-entry';

/** A product in a buyer's cart, with the price it had when the buyer last put it there. */
export interface CartItem {
  productId: string;
  quantity: number;
  priceWhenAdded: Money;
}

export class CartItemNotFoundError extends DomainError {
  readonly kind = 'not_found';
  readonly code = 'cart_item_not_found';

  constructor() {
    super('This product is not in the cart.');
  }
}

export class QuantityLimitError extends DomainError {
  readonly kind = 'rule';
  readonly code = 'quantity_limit';

  constructor() {
    super(`At most ${MAX_QUANTITY_PER_LINE} of one product fit in a cart or an order.`, [{ field: 'quantity', message: `at most ${MAX_QUANTITY_PER_LINE}` }]);
  }
}

export class CartFullError extends DomainError {
  readonly kind = 'rule';
  readonly code = 'cart_full';

  constructor() {
    super(`A cart holds at most ${MAX_LINES_PER_ORDER} different products.`);
  }
}

/**
 * The cart with `quantity` more of a product (or `exactly` that many): only products for sale, in the
 * cart's one currency, within the limits of an order. The price snapshot is refreshed, as the buyer has
 * just seen the current price.
 */
export function putInCart(cart: readonly CartItem[], entry: PriceEntry | undefined, change: { add: number } | { exactly: number }): CartItem {
  if (entry?.status !== 'published') {
    throw new ProductsNotAvailableError('This product is not for sale.', [{ field: 'productId', message: entry ? `the product is ${entry.status}` : 'no such product for sale' }]);
  }
  const existing = cart.find((item) => item.productId === entry.productId);
  if (!existing && cart.length >= MAX_LINES_PER_ORDER) throw new CartFullError();
  const other = cart.find((item) => item.productId !== entry.productId);
  if (other && other.priceWhenAdded.currency !== entry.price.currency) {
    throw new MixedCurrenciesError(`The cart is in ${other.priceWhenAdded.currency}; this product is priced in ${entry.price.currency}.`, [{ field: 'productId', message: `priced in ${entry.price.currency}` }]);
  }
  const quantity = 'add' in change ? (existing?.quantity ?? 0) + change.add : change.exactly;
  if (quantity > MAX_QUANTITY_PER_LINE) throw new QuantityLimitError();
  return { productId: entry.productId, quantity, priceWhenAdded: entry.price };
}
