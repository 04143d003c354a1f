import { ids, placedOrder } from '../../../test/fixtures/order-fixtures';
import type { PriceEntry } from '../../price-list/domain/price-entry';
import { draftOrder, type OrderDraft } from './order-draft';
import { MixedCurrenciesError, PaymentMethodNotApplicableError, ProductsNotAvailableError } from './order-errors';

const free = { byCountry: {}, otherwise: { shipping: {}, taxBasisPoints: 0 } };
const scarf: PriceEntry = { productId: ids.scarf, sellerId: ids.seller, title: 'Merino scarf', price: { amount: 4500, currency: 'EUR' }, status: 'published' };
const mittens: PriceEntry = { productId: ids.mittens, sellerId: ids.otherSeller, title: 'Alpaca mittens', price: { amount: 2950, currency: 'EUR' }, status: 'published' };

const draft = (items: OrderDraft['items']): OrderDraft => ({
  orderId: ids.order,
  buyerId: ids.buyer,
  items,
  shippingAddress: placedOrder.shippingAddress,
  paymentMethod: 'pm_card_visa',
  placedAt: placedOrder.placedAt,
});

describe('drafting an order from the price list', () => {
  it('snapshots each product price, seller and title into its line, with the totals', () => {
    const items = [
      { productId: ids.scarf, quantity: 2, entry: scarf },
      { productId: ids.mittens, quantity: 1, entry: mittens },
    ];
    expect(draftOrder(draft(items), free)).toEqual(placedOrder);
  });

  it('refuses unknown, draft and archived products, naming each item', () => {
    const items = [
      { productId: ids.scarf, quantity: 1, entry: { ...scarf, status: 'draft' as const } },
      { productId: ids.mittens, quantity: 1, entry: undefined },
      { productId: ids.payment, quantity: 1, entry: { ...scarf, productId: ids.payment, status: 'archived' as const } },
    ];
    expect(() => draftOrder(draft(items), free)).toThrow(ProductsNotAvailableError);
    try {
      draftOrder(draft(items), free);
    } catch (error) {
      expect((error as ProductsNotAvailableError).details.map((d) => d.field)).toEqual(['items.0.productId', 'items.1.productId', 'items.2.productId']);
    }
  });

  it('refuses products in two currencies', () => {
    const items = [
      { productId: ids.scarf, quantity: 1, entry: scarf },
      { productId: ids.mittens, quantity: 1, entry: { ...mittens, price: { amount: 3000, currency: 'USD' } } },
    ];
    expect(() => draftOrder(draft(items), free)).toThrow(MixedCurrenciesError);
  });

  describe('paid by mobile money', () => {
    const mpesa = { type: 'mobile_money' as const, provider: 'mpesa' as const, phone: '+254712345678' };
    const inKes = (amount: number): PriceEntry => ({ ...scarf, price: { amount, currency: 'KES' } });
    const byMpesa = (entry: PriceEntry): OrderDraft => ({ ...draft([{ productId: ids.scarf, quantity: 1, entry }]), paymentMethod: mpesa });

    it('places an order of whole shillings with its method as given', () => {
      expect(draftOrder(byMpesa(inKes(150_000)), free)).toMatchObject({ total: { amount: 150_000, currency: 'KES' }, paymentMethod: mpesa });
    });

    it('refuses a total M-Pesa cannot charge: cents of a shilling, or another currency', () => {
      expect(() => draftOrder(byMpesa(inKes(150_050)), free)).toThrow(/whole units of KES/);
      expect(() => draftOrder(byMpesa(scarf), free)).toThrow(PaymentMethodNotApplicableError);
      expect(() => draftOrder(byMpesa(scarf), free)).toThrow(/does not charge in EUR/);
    });
  });
});
