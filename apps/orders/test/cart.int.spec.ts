import { randomUUID } from 'node:crypto';
import { waitFor } from '@marketplace/testing';
import { type Caller, OrdersTestApp } from './orders-app';

jest.setTimeout(120_000);

describe('cart over the price list (catalog played by the test)', () => {
  let app: OrdersTestApp;
  let buyer: Caller;

  beforeAll(async () => {
    app = await OrdersTestApp.start();
    buyer = await app.caller(['buyer']);
  });

  afterAll(async () => {
    await app?.close();
  });

  const add = (productId: string, quantity: number, as = buyer) => app.call('POST', '/cart/items', { as, body: { productId, quantity } });

  it('holds products with their seller, title and price from the price list; adding again adds up', async () => {
    const { productId, sellerId } = await app.listedProduct({ price: 1250, title: 'Beeswax candle' });
    expect((await add(productId, 2)).status).toBe(200);
    const cart = await add(productId, 3);
    expect(cart.body).toEqual({
      items: [
        {
          productId,
          sellerId,
          title: 'Beeswax candle',
          quantity: 5,
          unitPrice: { amount: 1250, currency: 'EUR' },
          lineTotal: { amount: 6250, currency: 'EUR' },
          priceWhenAdded: { amount: 1250, currency: 'EUR' },
          priceChanged: false,
          available: true,
        },
      ],
      subtotal: { amount: 6250, currency: 'EUR' },
      itemCount: 5,
    });
    const other = await app.caller(['buyer']);
    expect((await app.call('GET', '/cart', { as: other })).body).toEqual({ items: [], subtotal: null, itemCount: 0 });
  });

  it('shows when a price changed since the item was added, and an archived product as unavailable', async () => {
    const shopper = await app.caller(['buyer']);
    const { productId, sellerId } = await app.listedProduct({ price: 1000 });
    await add(productId, 1, shopper);
    await app.publish('marketplace.catalog.ProductPriceChanged.v1', productId, {
      productId,
      sellerId,
      previousPrice: { amount: 1000, currency: 'EUR' },
      price: { amount: 1200, currency: 'EUR' },
      changedAt: new Date().toISOString(),
    });
    const changed = await waitFor(async () => {
      const cart = await app.call('GET', '/cart', { as: shopper });
      return cart.body.items[0].priceChanged ? cart.body : undefined;
    }, { timeoutMs: 30_000, description: 'the new price in the cart' });
    expect(changed.items[0]).toMatchObject({ unitPrice: { amount: 1200 }, priceWhenAdded: { amount: 1000 }, available: true });
    expect((await app.call('PATCH', `/cart/items/${productId}`, { as: shopper, body: { quantity: 2 } })).body.items[0]).toMatchObject({ quantity: 2, priceChanged: false });

    await app.publish('marketplace.catalog.ProductArchived.v1', productId, { productId, sellerId, archivedAt: new Date().toISOString() });
    const archived = await waitFor(async () => {
      const cart = await app.call('GET', '/cart', { as: shopper });
      return cart.body.items[0].available ? undefined : cart.body;
    }, { timeoutMs: 30_000, description: 'the product unavailable in the cart' });
    expect(archived.subtotal).toEqual({ amount: 0, currency: 'EUR' });
    expect((await add(productId, 1, shopper)).body.error.code).toBe('product_not_available');
  });

  it('refuses draft, unknown and archived products (422), another currency (422) and more than 100 of one product (422)', async () => {
    const shopper = await app.caller(['buyer']);
    const draftId = randomUUID();
    const sellerId = randomUUID();
    await app.publish('marketplace.catalog.ProductCreated.v1', draftId, {
      productId: draftId,
      sellerId,
      categoryId: randomUUID(),
      title: 'Unpublished',
      description: '',
      attributes: {},
      imageUrls: [],
      price: { amount: 100, currency: 'EUR' },
      createdAt: new Date().toISOString(),
    });
    await waitFor(async () => (await app.db('price_list').where({ product_id: draftId }).first()) !== undefined, { timeoutMs: 30_000 });
    for (const productId of [draftId, randomUUID()]) {
      const refused = await add(productId, 1, shopper);
      expect(refused).toMatchObject({ status: 422, body: { error: { code: 'product_not_available', details: [{ field: 'productId' }] } } });
    }
    const { productId } = await app.listedProduct();
    const dollars = await app.listedProduct({ currency: 'USD' });
    await add(productId, 99, shopper);
    expect((await add(dollars.productId, 1, shopper)).body.error.code).toBe('currency_mismatch');
    expect((await add(productId, 2, shopper)).body.error.code).toBe('quantity_limit');
    expect((await app.call('GET', '/cart', { as: shopper })).body.items).toHaveLength(1);
  });

  it('changes and removes items; an item not in the cart is a 404', async () => {
    const shopper = await app.caller(['buyer']);
    const { productId } = await app.listedProduct();
    await add(productId, 1, shopper);
    expect((await app.call('PATCH', `/cart/items/${productId}`, { as: shopper, body: { quantity: 7 } })).body.itemCount).toBe(7);
    expect((await app.call('DELETE', `/cart/items/${productId}`, { as: shopper })).body.items).toEqual([]);
    expect((await app.call('DELETE', `/cart/items/${productId}`, { as: shopper })).status).toBe(404);
    expect((await app.call('PATCH', `/cart/items/${randomUUID()}`, { as: shopper, body: { quantity: 1 } })).body.error.code).toBe('cart_item_not_found');
  });

  it('keeps concurrent additions of one buyer: ten additions of 1 make 10', async () => {
    const shopper = await app.caller(['buyer']);
    const { productId } = await app.listedProduct();
    await Promise.all(Array.from({ length: 10 }, () => add(productId, 1, shopper)));
    expect((await app.call('GET', '/cart', { as: shopper })).body.itemCount).toBe(10);
  });
});
