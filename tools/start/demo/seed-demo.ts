import { ApiClient } from './api-client';
import type { DemoPlan } from './demo-plan';
import { seedAccounts } from './seed-accounts';
import { seedCategories, seedProducts } from './seed-catalog';
import { demoDataPresent, readMarker, type SeedMarker, writeMarker } from './seed-marker';
import { seedOrders } from './seed-orders';
import { seedReviews } from './seed-reviews';

export interface SeedOptions {
  /** The gateway's /api/v1. */
  apiUrl: string;
  dataDir: string;
  plan: DemoPlan;
  log: (line: string) => void;
}

/**
 * Seeds the demo through the public API, as client apps would, unless a complete earlier seed is
 * recorded in DATA_DIR and its data is still there. Returns the marker (the earlier one when skipped).
 */
export async function seedDemo({ apiUrl, dataDir, plan, log }: SeedOptions): Promise<SeedMarker & { skipped: boolean }> {
  const api = new ApiClient(apiUrl);
  const earlier = await readMarker(dataDir);
  if (earlier && (await demoDataPresent(api, plan))) {
    log(`demo data already seeded (${earlier.seededAt}); nothing to do`);
    return { ...earlier, skipped: true };
  }
  const started = Date.now();
  const step = async <T>(what: string, work: () => Promise<T>): Promise<T> => {
    const at = Date.now();
    const result = await work();
    log(`  ${what} (${((Date.now() - at) / 1000).toFixed(1)} s)`);
    return result;
  };
  log('seeding demo data through the API ...');
  const accounts = await step(`${1 + plan.accounts.sellers.length + plan.accounts.buyers.length} accounts, sellers approved`, () => seedAccounts(api, plan.accounts));
  const categoryIds = await step(`${plan.categories.length} categories`, () => seedCategories(api, accounts.admin, plan.categories));
  const productIds = await step(`${plan.products.length} products listed, stocked and published`, () => seedProducts(api, accounts.sellers, categoryIds, plan.products));
  const sellerOf = new Map(plan.products.map((product) => [product.slug, product.seller]));
  await step(`${plan.orders.length} orders checked out and taken to their states`, () => seedOrders({ api, buyers: accounts.buyers, sellers: accounts.sellers, productIds, sellerOf }, plan.orders));
  const reviews = await step('reviews posted', () => seedReviews(api, accounts.buyers, productIds, plan.orders));
  const seconds = Math.round((Date.now() - started) / 100) / 10;
  const marker = { seededAt: new Date().toISOString(), seconds, products: plan.products.length, orders: plan.orders.length, reviews };
  await writeMarker(dataDir, marker);
  log(`demo data seeded in ${seconds} s: ${marker.products} products, ${marker.orders} orders, ${reviews} reviews`);
  return { ...marker, skipped: false };
}
