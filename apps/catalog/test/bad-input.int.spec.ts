import { caller, type Caller, call, type CatalogTestApp, createCategory, createProduct, PRODUCT, rowCounts, startCatalog } from './catalog-app';

jest.setTimeout(60_000);

describe('catalog bad input', () => {
  let app: CatalogTestApp;
  let admin: Caller;
  let seller: Caller;
  let categoryId: string;
  let productId: string;

  beforeAll(async () => {
    app = await startCatalog();
    admin = await caller(app, ['buyer', 'admin']);
    seller = await caller(app, ['buyer', 'seller']);
    categoryId = await createCategory(app, admin, 'Bad Input');
    productId = await createProduct(app, seller, categoryId);
  });

  afterAll(async () => {
    await app?.close();
  });

  const product = () => ({ ...PRODUCT, categoryId });
  const cases: [string, 'POST' | 'PATCH' | 'GET', () => string, () => unknown, 'admin' | 'seller'][] = [
    ['a category without a name', 'POST', () => '/categories', () => ({}), 'admin'],
    ['a category with an empty name', 'POST', () => '/categories', () => ({ name: '   ' }), 'admin'],
    ['a category with an upper-case slug', 'POST', () => '/categories', () => ({ name: 'Shoes', slug: 'Shoes' }), 'admin'],
    ['a category whose name gives no slug', 'POST', () => '/categories', () => ({ name: '!!!' }), 'admin'],
    ['a category with a parent that is not a UUID', 'POST', () => '/categories', () => ({ name: 'Shoes', parentId: 'root' }), 'admin'],
    ['a category with an unknown field', 'POST', () => '/categories', () => ({ name: 'Shoes', colour: 'red' }), 'admin'],
    ['a category name with a NUL', 'POST', () => '/categories', () => ({ name: 'Shoes\u0000' }), 'admin'],
    ['a category name with a right-to-left override', 'POST', () => '/categories', () => ({ name: 'Shoes \u202eevil', slug: 'shoes-evil' }), 'admin'],
    ['a move without a parent', 'POST', () => `/categories/${categoryId}/move`, () => ({}), 'admin'],
    ['a category id that is not a UUID', 'PATCH', () => '/categories/abc', () => ({ name: 'Shoes' }), 'admin'],
    ['a product without a title', 'POST', () => '/products', () => ({ ...product(), title: undefined }), 'seller'],
    ['a product with a float price', 'POST', () => '/products', () => ({ ...product(), price: { amount: 49.9, currency: 'EUR' } }), 'seller'],
    ['a product with a negative price', 'POST', () => '/products', () => ({ ...product(), price: { amount: -1, currency: 'EUR' } }), 'seller'],
    ['a product with a price as a string', 'POST', () => '/products', () => ({ ...product(), price: { amount: '4900', currency: 'EUR' } }), 'seller'],
    ['a product with a lower-case currency', 'POST', () => '/products', () => ({ ...product(), price: { amount: 4900, currency: 'eur' } }), 'seller'],
    ['a product with a price beyond the safe integers', 'POST', () => '/products', () => ({ ...product(), price: { amount: 2 ** 53, currency: 'EUR' } }), 'seller'],
    ['a product with attributes that are not lists', 'POST', () => '/products', () => ({ ...product(), attributes: { colour: 'red' } }), 'seller'],
    ['a product with a javascript: image URL', 'POST', () => '/products', () => ({ ...product(), imageUrls: ['javascript:alert(1)'] }), 'seller'],
    ['a product with a 301-character title', 'POST', () => '/products', () => ({ ...product(), title: 'x'.repeat(301) }), 'seller'],
    ['a product with a seller id of its own', 'POST', () => '/products', () => ({ ...product(), sellerId: seller.id }), 'seller'],
    ['a product title with a line break', 'POST', () => '/products', () => ({ ...product(), title: 'Chef\nknife' }), 'seller'],
    ['a product title with a lone surrogate', 'POST', () => '/products', () => ({ ...product(), title: 'Chef \ud800' }), 'seller'],
    ['a product description with an escape character', 'POST', () => '/products', () => ({ ...product(), description: 'Sharp\u001b[31m' }), 'seller'],
    ['an attribute value with a bidirectional isolate', 'POST', () => '/products', () => ({ ...product(), attributes: { colour: ['red\u2066'] } }), 'seller'],
    ['an edit with nothing to change', 'PATCH', () => `/products/${productId}`, () => ({}), 'seller'],
    ['an edit that sets the status', 'PATCH', () => `/products/${productId}`, () => ({ status: 'published' }), 'seller'],
    ['a JSON array as body', 'POST', () => '/products', () => [product()], 'seller'],
    ['a limit of 0', 'GET', () => '/products?limit=0', () => undefined, 'seller'],
    ['a limit of 1000', 'GET', () => '/products?limit=1000', () => undefined, 'seller'],
    ['a seller id that is neither me nor a UUID', 'GET', () => '/products?sellerId=you', () => undefined, 'seller'],
    ['a product id that is not a UUID', 'GET', () => '/products/1%27%20or%201=1', () => undefined, 'seller'],
  ];

  it.each(cases)('answers %s with 400 in the standard format and writes nothing', async (_name, method, url, body, role) => {
    const before = await rowCounts(app);
    const response = await call(app, method, url(), { as: role === 'admin' ? admin : seller, body: body() });
    expect(response.status).toBe(400);
    expect(response.body.error).toEqual({
      code: 'validation_failed',
      message: expect.any(String),
      details: expect.any(Array),
      request_id: expect.any(String),
      timestamp: expect.any(String),
    });
    expect(await rowCounts(app)).toEqual(before);
  });

  it('answers malformed JSON with 400, not 500', async () => {
    const response = await app.service.app.inject({
      method: 'POST',
      url: '/products',
      payload: '{"title": ',
      headers: { authorization: `Bearer ${seller.token}`, 'content-type': 'application/json' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBeDefined();
  });
});
