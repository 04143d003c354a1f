import { randomBytes } from 'node:crypto';
import { waitFor } from '@marketplace/testing';
import type { Knex } from 'knex';
import type { BenchApi } from './bench-api';

export interface BenchMarket {
  productIds: string[];
  buyerTokens: string[];
}

const SELLERS = 5;
const password = () => `Bench-${randomBytes(12).toString('base64url')}`;

/**
 * Sets the market up through the public API, as its people would: approved sellers list and stock the
 * products, buyers sign up. Returns once orders' price list knows every product.
 */
export async function setUpMarket(api: BenchApi, db: Knex, admin: { email: string; password: string }, products: number, buyers: number): Promise<BenchMarket> {
  const adminToken = await login(api, admin.email, admin.password);
  const categoryId = (await api.call('POST', '/categories', { token: adminToken, body: { name: `Bench ${randomBytes(3).toString('hex')}` }, expect: 201 })).body.id as string;
  const sellerTokens: string[] = [];
  for (let i = 0; i < SELLERS; i++) {
    const seller = await signUp(api, 'seller');
    const application = await api.call('POST', '/sellers/applications', {
      token: seller.token,
      body: { businessName: `Bench shop ${i}`, contact: { email: `shop-${randomBytes(4).toString('hex')}@example.com` }, country: 'DE' },
      expect: 201,
    });
    await api.call('POST', `/admin/seller-applications/${application.body.id as string}/approve`, { token: adminToken, body: {}, expect: 200 });
    sellerTokens.push(await login(api, seller.email, seller.password));
  }
  const productIds = await inBatches(products, 8, async (i) => {
    const token = sellerTokens[i % SELLERS];
    const price = { amount: 500 + ((i * 137) % 9500), currency: 'EUR' };
    const created = await api.call('POST', '/products', { token, body: { title: `Bench product ${i}`, price, categoryId }, expect: 201 });
    const id = created.body.id as string;
    await api.call('POST', `/products/${id}/publish`, { token, expect: 200 });
    await api.call('PUT', `/products/${id}/inventory`, { token, body: { onHand: 1_000_000 }, expect: 200 });
    return id;
  });
  const buyerTokens = await inBatches(buyers, 4, async () => (await signUp(api, 'buyer')).token);
  await waitFor(async () => Number((await db('orders.price_list').whereIn('product_id', productIds).where({ status: 'published' }).count<{ count: string }[]>({ count: '*' }))[0].count) === products, {
    timeoutMs: 300_000,
    intervalMs: 500,
    description: `all ${products} products in orders' price list`,
  });
  return { productIds, buyerTokens };
}

async function signUp(api: BenchApi, prefix: string): Promise<{ email: string; password: string; token: string }> {
  const credentials = { email: `${prefix}-${randomBytes(5).toString('hex')}@example.com`, password: password(), name: `Bench ${prefix}` };
  await api.call('POST', '/auth/register', { body: credentials, expect: 201 });
  return { ...credentials, token: await login(api, credentials.email, credentials.password) };
}

async function login(api: BenchApi, email: string, secret: string): Promise<string> {
  return (await api.call('POST', '/auth/login', { body: { email, password: secret }, expect: 200 })).body.accessToken as string;
}

/** Runs `make(i)` for i in [0, count), `width` at a time, keeping the order of the results. */
async function inBatches<T>(count: number, width: number, make: (i: number) => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  for (let start = 0; start < count; start += width) {
    results.push(...(await Promise.all(Array.from({ length: Math.min(width, count - start) }, (_, j) => make(start + j)))));
  }
  return results;
}
