import { type CheckoutPaymentMethod, mobileMoneyAmountProblem, type OrderLine, type OrderPlaced, type ShippingAddress } from '@marketplace/contracts';
import type { PriceEntry } from '../../price-list/domain/price-entry';
import { MixedCurrenciesError, PaymentMethodNotApplicableError, ProductsNotAvailableError } from './order-errors';
import { orderTotals, type PricingRules } from './pricing';

/** Largest quantity of one product in one order, and most lines per order. */
export const MAX_QUANTITY_PER_LINE = 100;
export const MAX_LINES_PER_ORDER = 50;

export interface RequestedItem {
  productId: string;
  quantity: number;
  /** The product as orders' price list knows it; undefined when it has never heard of it. */
  entry: PriceEntry | undefined;
}

export interface OrderDraft {
  orderId: string;
  buyerId: string;
  items: readonly RequestedItem[];
  shippingAddress: ShippingAddress;
  paymentMethod: CheckoutPaymentMethod;
  placedAt: string;
}

/**
 * The order as placed: each line with its price snapshot, seller and title from the price list, and the
 * totals. Only published products can be ordered, all in one currency, and a mobile money network must
 * be able to charge the total (its currency, its smallest step: M-Pesa takes whole shillings).
 */
export function draftOrder(draft: OrderDraft, rules: PricingRules): OrderPlaced {
  const unavailable = draft.items.flatMap((item, index) =>
    item.entry?.status === 'published' ? [] : [{ field: `items.${index}.productId`, message: item.entry ? `the product is ${item.entry.status}` : 'no such product for sale' }],
  );
  if (unavailable.length > 0) throw new ProductsNotAvailableError('Some products are not for sale.', unavailable);
  const lines: OrderLine[] = draft.items.map(({ entry, quantity }) => {
    const { productId, sellerId, title, price } = entry as PriceEntry;
    return { productId, sellerId, title, quantity, unitPrice: price, lineTotal: { amount: price.amount * quantity, currency: price.currency } };
  });
  const currency = lines[0].unitPrice.currency;
  const foreign = lines.flatMap((line, index) => (line.unitPrice.currency === currency ? [] : [{ field: `items.${index}.productId`, message: `priced in ${line.unitPrice.currency}, not ${currency}` }]));
  if (foreign.length > 0) throw new MixedCurrenciesError('An order is paid in one currency; these products are priced in another.', foreign);
  const { orderId, buyerId, shippingAddress, paymentMethod, placedAt } = draft;
  const totals = orderTotals(lines, shippingAddress.country, rules);
  const problem = typeof paymentMethod === 'string' ? undefined : mobileMoneyAmountProblem(paymentMethod.provider, totals.total);
  if (problem) throw new PaymentMethodNotApplicableError(problem);
  return { orderId, buyerId, lines, ...totals, shippingAddress, paymentMethod, placedAt };
}
