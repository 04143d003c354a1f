import { caller, type Caller, call, type CatalogTestApp, createCategory, createProduct, expectCall, outboxEvents, PRODUCT, rowCounts, startCatalog } from './catalog-app';

jest.setTimeout(60_000);

describe('catalog products', () => {
  let app: CatalogTestApp;
  let admin: Caller;
  let seller: Caller;
  let otherSeller: Caller;
  let buyer: Caller;
  let categoryId: string;

  beforeAll(async () => {
    app = await startCatalog();
    admin = await caller(app, ['buyer', 'admin']);
    seller = await caller(app, ['buyer', 'seller']);
    otherSeller = await caller(app, ['buyer', 'seller']);
    buyer = await caller(app, ['buyer']);
    categoryId = await createCategory(app, admin, 'Knives');
  });

  afterAll(async () => {
    await app?.close();
  });

  describe('ownership', () => {
    it('lets an approved seller create a draft, and refuses a buyer (an unapproved seller) and an anonymous caller, writing nothing', async () => {
      const before = await rowCounts(app);
      const byBuyer = await call(app, 'POST', '/products', { as: buyer, body: { ...PRODUCT, categoryId } });
      expect(byBuyer.status).toBe(403);
      expect(byBuyer.body.error?.code).toBe('forbidden');
      expect((await call(app, 'POST', '/products', { body: { ...PRODUCT, categoryId } })).status).toBe(401);
      expect(await rowCounts(app)).toEqual(before);

      const created = await expectCall(app, 201, 'POST', '/products', { as: seller, body: { ...PRODUCT, categoryId } });
      expect(created).toMatchObject({ ...PRODUCT, sellerId: seller.id, categoryId, status: 'draft', rating: { average: null, count: 0 }, publishedAt: null });
    });

    it("refuses another seller's and a buyer's changes to a product with 403, and lets the owner and an admin change it", async () => {
      const id = await createProduct(app, seller, categoryId);
      await expectCall(app, 200, 'POST', `/products/${id}/publish`, { as: seller });
      const before = await rowCounts(app);
      for (const intruder of [otherSeller, buyer]) {
        const edit = await call(app, 'PATCH', `/products/${id}`, { as: intruder, body: { title: 'Mine now' } });
        expect(edit.status).toBe(403);
        expect(edit.body.error?.code).toBe('not_product_owner');
        expect((await call(app, 'POST', `/products/${id}/archive`, { as: intruder })).status).toBe(403);
      }
      expect(await rowCounts(app)).toEqual(before);
      expect((await expectCall(app, 200, 'GET', `/products/${id}`)).title).toBe(PRODUCT.title);

      expect(await expectCall(app, 200, 'PATCH', `/products/${id}`, { as: seller, body: { title: 'Gyuto' } })).toMatchObject({ title: 'Gyuto' });
      expect(await expectCall(app, 200, 'PATCH', `/products/${id}`, { as: admin, body: { description: 'Moderated' } })).toMatchObject({ description: 'Moderated', sellerId: seller.id });
    });

    it("hides a draft from everyone but its seller and admins (404), and lists a seller's own drafts with sellerId=me", async () => {
      const draft = await createProduct(app, seller, categoryId, { title: 'Secret draft' });
      expect((await call(app, 'GET', `/products/${draft}`)).status).toBe(404);
      expect((await call(app, 'GET', `/products/${draft}`, { as: otherSeller })).status).toBe(404);
      expect((await call(app, 'PATCH', `/products/${draft}`, { as: otherSeller, body: { title: 'x' } })).status).toBe(404);
      expect((await call(app, 'GET', `/products/${draft}`, { as: seller })).status).toBe(200);
      expect((await call(app, 'GET', `/products/${draft}`, { as: admin })).status).toBe(200);

      const mine = await expectCall(app, 200, 'GET', '/products?sellerId=me&limit=100', { as: seller });
      expect((mine.items as { id: string }[]).map((p) => p.id)).toContain(draft);
      const publicList = await expectCall(app, 200, 'GET', `/products?sellerId=${seller.id}&limit=100`);
      expect((publicList.items as { id: string; status: string }[]).every((p) => p.status === 'published')).toBe(true);
      expect((publicList.items as { id: string }[]).map((p) => p.id)).not.toContain(draft);
      expect((await call(app, 'GET', '/products?sellerId=me')).status).toBe(401);
    });
  });

  describe('lifecycle', () => {
    it('goes draft -> published -> archived, refuses every other step with 422, and publishes an event per step', async () => {
      const id = await createProduct(app, seller, categoryId);
      expect((await call(app, 'POST', `/products/${id}/archive`, { as: seller })).body.error?.code).toBe('illegal_product_transition');
      expect(await expectCall(app, 200, 'POST', `/products/${id}/publish`, { as: seller })).toMatchObject({ status: 'published' });
      const again = await call(app, 'POST', `/products/${id}/publish`, { as: seller });
      expect(again.status).toBe(422);
      expect(again.body.error?.code).toBe('illegal_product_transition');
      expect(await expectCall(app, 200, 'POST', `/products/${id}/archive`, { as: seller })).toMatchObject({ status: 'archived' });
      for (const [method, url, body] of [
        ['POST', `/products/${id}/publish`, undefined],
        ['POST', `/products/${id}/archive`, undefined],
        ['PATCH', `/products/${id}`, { title: 'Revived' }],
      ] as const) {
        expect((await call(app, method, url, { as: seller, body })).status).toBe(422);
      }
      expect((await outboxEvents(app, id)).map((event) => event.type)).toEqual([
        'marketplace.catalog.ProductCreated.v1',
        'marketplace.catalog.ProductPublished.v1',
        'marketplace.catalog.ProductArchived.v1',
      ]);
    });
  });

  describe('edits and prices', () => {
    it('publishes a price change as ProductPriceChanged, other edits as ProductUpdated, and nothing for an edit that changes nothing', async () => {
      const id = await createProduct(app, seller, categoryId);
      const otherCategory = await createCategory(app, admin, 'Cleavers');
      await expectCall(app, 200, 'PATCH', `/products/${id}`, { as: seller, body: { price: { amount: 3900, currency: 'EUR' } } });
      await expectCall(app, 200, 'PATCH', `/products/${id}`, { as: seller, body: { categoryId: otherCategory, attributes: { blade: ['18 cm'], steel: ['VG-10'] } } });
      await expectCall(app, 200, 'PATCH', `/products/${id}`, { as: seller, body: { title: PRODUCT.title, price: { amount: 3900, currency: 'EUR' } } });
      const both = await expectCall(app, 200, 'PATCH', `/products/${id}`, { as: seller, body: { title: 'Cleaver', price: { amount: 5900, currency: 'EUR' } } });
      expect(both).toMatchObject({ title: 'Cleaver', price: { amount: 5900, currency: 'EUR' }, categoryId: otherCategory });

      const events = await outboxEvents(app, id);
      expect(events.map((event) => event.type)).toEqual([
        'marketplace.catalog.ProductCreated.v1',
        'marketplace.catalog.ProductPriceChanged.v1',
        'marketplace.catalog.ProductUpdated.v1',
        'marketplace.catalog.ProductUpdated.v1',
        'marketplace.catalog.ProductPriceChanged.v1',
      ]);
      expect(events[1].data).toMatchObject({ productId: id, sellerId: seller.id, previousPrice: { amount: 4900, currency: 'EUR' }, price: { amount: 3900, currency: 'EUR' } });
      expect(events[2].data).toMatchObject({ categoryId: otherCategory, attributes: { blade: ['18 cm'], steel: ['VG-10'] }, title: PRODUCT.title });
      expect(events[4].data).toMatchObject({ previousPrice: { amount: 3900 }, price: { amount: 5900 } });
    });

    it('refuses a price in another currency and an unknown category with 422, writing nothing', async () => {
      const id = await createProduct(app, seller, categoryId);
      const before = await rowCounts(app);
      const currency = await call(app, 'PATCH', `/products/${id}`, { as: seller, body: { price: { amount: 100, currency: 'USD' } } });
      expect(currency.status).toBe(422);
      expect(currency.body.error?.code).toBe('currency_change');
      const unknown = '00000000-0000-4000-8000-000000000000';
      expect((await call(app, 'PATCH', `/products/${id}`, { as: seller, body: { categoryId: unknown } })).body.error?.code).toBe('unknown_category');
      const create = await call(app, 'POST', '/products', { as: seller, body: { ...PRODUCT, categoryId: unknown } });
      expect(create.status).toBe(422);
      expect(create.body.error?.code).toBe('unknown_category');
      expect(await rowCounts(app)).toEqual(before);
    });
  });

  describe('listing', () => {
    it('pages through published products with a stable cursor, newest first, without repeats or gaps', async () => {
      const listCategory = await createCategory(app, admin, 'Paging');
      const ids: string[] = [];
      for (let i = 0; i < 7; i += 1) {
        const id = await createProduct(app, otherSeller, listCategory, { title: `Paged ${i}` });
        if (i !== 3) await expectCall(app, 200, 'POST', `/products/${id}/publish`, { as: otherSeller });
        if (i !== 3) ids.push(id);
      }
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const query = `/products?categoryId=${listCategory}&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
        const page = await expectCall(app, 200, 'GET', query);
        seen.push(...(page.items as { id: string }[]).map((p) => p.id));
        cursor = page.nextCursor as string | null;
      } while (cursor);
      expect(seen).toEqual([...ids].reverse());
    });

    it('answers 400 for a cursor it did not give out', async () => {
      const response = await call(app, 'GET', '/products?cursor=not-a-cursor');
      expect(response.status).toBe(400);
      expect(response.body.error?.details).toEqual([{ field: 'cursor', message: 'invalid cursor' }]);
    });
  });
});
