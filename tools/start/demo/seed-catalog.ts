import type { ApiClient } from './api-client';
import type { DemoCategory, DemoProduct } from './catalog-generator';
import { mapLimit } from './concurrency';
import type { Session } from './seed-accounts';

/** Requests in flight at once: enough to keep both cores busy, few enough not to queue at the pools. */
const CONCURRENCY = 8;

interface CategoryNode {
  id: string;
  slug: string;
  children: CategoryNode[];
}

interface ListedProduct {
  id: string;
  title: string;
  status: string;
}

/** Creates the categories the tree lacks (looked up by slug), parents first; returns slug -> id. */
export async function seedCategories(api: ApiClient, admin: Session, categories: readonly DemoCategory[]): Promise<Map<string, string>> {
  const ids = await categoryIds(api);
  for (const level of [categories.filter((c) => c.parentSlug === null), categories.filter((c) => c.parentSlug !== null)]) {
    await mapLimit(level.filter((category) => !ids.has(category.slug)), CONCURRENCY, async (category) => {
      const parentId = category.parentSlug === null ? null : ids.get(category.parentSlug);
      const created = await api.expect<{ id: string }>(201, `create category ${category.slug}`, '/categories', { json: { name: category.name, slug: category.slug, parentId }, token: admin.token });
      ids.set(category.slug, created.id);
    });
  }
  return ids;
}

async function categoryIds(api: ApiClient): Promise<Map<string, string>> {
  const { items } = await api.expect<{ items: CategoryNode[] }>(200, 'GET /categories', '/categories');
  const ids = new Map<string, string>();
  const visit = (node: CategoryNode) => {
    ids.set(node.slug, node.id);
    node.children.forEach(visit);
  };
  items.forEach(visit);
  return ids;
}

/**
 * Lists, stocks and publishes each seller's products; one already published is left alone, one left
 * as a draft by an interrupted seed is stocked and published. Returns product slug -> id.
 */
export async function seedProducts(api: ApiClient, sellers: readonly Session[], categoryIds: Map<string, string>, products: readonly DemoProduct[]): Promise<Map<string, string>> {
  const existing = new Map((await Promise.all(sellers.map((seller) => ownProducts(api, seller)))).flat().map((listed) => [listed.title, listed]));
  const ids = new Map<string, string>();
  await mapLimit(products, CONCURRENCY, async (product) => {
    const seller = sellers[product.seller];
    let listed = existing.get(product.title);
    if (!listed) {
      const body = { title: product.title, description: product.description, price: product.price, categoryId: categoryIds.get(product.categorySlug), attributes: product.attributes, imageUrls: product.imageUrls };
      listed = await api.expect<ListedProduct>(201, `create product ${product.slug}`, '/products', { json: body, token: seller.token });
    }
    if (listed.status === 'draft') {
      // Stock before publishing: a published product is orderable at once.
      await api.expect(200, `stock ${product.slug}`, `/products/${listed.id}/inventory`, { method: 'PUT', json: { onHand: product.onHand }, token: seller.token });
      await api.expect(200, `publish ${product.slug}`, `/products/${listed.id}/publish`, { json: {}, token: seller.token });
    }
    ids.set(product.slug, listed.id);
  });
  return ids;
}

export async function ownProducts(api: ApiClient, seller: Session): Promise<ListedProduct[]> {
  const all: ListedProduct[] = [];
  let cursor: string | null = null;
  do {
    const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
    const page: { items: ListedProduct[]; nextCursor: string | null } = await api.expect(200, `products of ${seller.email}`, `/products?sellerId=me&limit=100${query}`, { token: seller.token });
    all.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return all;
}
