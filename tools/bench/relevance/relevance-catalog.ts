import { randomUUID } from 'node:crypto';
import { createCloudEvent, type MarketplaceEvent } from '@marketplace/contracts';
import { nameBasedId } from '@marketplace/kernel';
import { pick, slugify, stableHash } from '../../start/demo/slug';
import type { BenchCatalog } from '../search-catalog';
import { CATEGORY_TREE, type CategoryNode, type ProductType } from './product-types';

/** 79 types x 26 = 2,054 products. */
export const PRODUCTS_PER_TYPE = 26;

const NAMESPACE = '9d3e7a52-4c1b-4f0e-8a6d-2b5c9e1f7a30';
const BRANDS = ['Aurelia', 'Brisko', 'Calder', 'Dunmore', 'Elvara', 'Fjellmark', 'Govan', 'Halcyra', 'Istra', 'Jorvik', 'Korrin', 'Lumeo', 'Marrow', 'Norvale', 'Ostrel', 'Pellan'];
const MODEL_LETTERS = 'ABCDEFGHJKLMNPRSTVXZ';
const COLOURS = ['black', 'white', 'grey', 'navy', 'red', 'green', 'sand'];

export interface RelevanceProduct {
  id: string;
  sellerId: string;
  categoryId: string;
  title: string;
  description: string;
  colour: string;
  /** The product type's key: what the labelled queries grade by. */
  type: string;
  /** One value per attribute of its type, colour included. */
  attributes: Record<string, string>;
}

export interface RelevanceCatalog extends BenchCatalog {
  products: RelevanceProduct[];
  /** The top-level categories: their subtrees hold every product between them. */
  departmentIds: string[];
}

/**
 * The same catalog on every run (product ids and texts from names and hashes, no randomness; only the
 * CloudEvent ids are fresh): categories first, parents before children, then each product's
 * ProductCreated, ProductPublished and StockAdjusted.
 */
export function relevanceCatalog(now: () => string = () => new Date().toISOString()): RelevanceCatalog {
  const events: MarketplaceEvent[] = [];
  const emit = (input: Omit<Parameters<typeof createCloudEvent>[0], 'id' | 'time' | 'source'>) =>
    events.push(createCloudEvent({ ...input, id: randomUUID(), time: now(), source: 'catalog' } as Parameters<typeof createCloudEvent>[0]));
  const categoryIds: string[] = [];
  const leaves: { categoryId: string; types: ProductType[] }[] = [];
  const addCategory = (node: CategoryNode, parentId: string | null): string => {
    const categoryId = nameBasedId(NAMESPACE, `category/${node.name}`);
    categoryIds.push(categoryId);
    emit({ type: 'marketplace.catalog.CategoryCreated.v1', subject: categoryId, data: { categoryId, parentId, name: node.name, slug: slugify(node.name), createdAt: now() } });
    if (node.types) leaves.push({ categoryId, types: node.types });
    for (const child of node.children ?? []) addCategory(child, categoryId);
    return categoryId;
  };
  const departmentIds = CATEGORY_TREE.map((department) => addCategory(department, null));
  const sellers = Array.from({ length: 8 }, (_, n) => nameBasedId(NAMESPACE, `seller/${n}`));

  const products: RelevanceProduct[] = [];
  for (const leaf of leaves) {
    for (const productType of leaf.types) {
      for (let n = 0; n < PRODUCTS_PER_TYPE; n += 1) {
        const product = relevanceProduct(productType, n, products.length, leaf.categoryId, sellers);
        products.push(product);
        const { id: productId, sellerId, categoryId, title, description } = product;
        const key = `${productType.key}/${n}`;
        const attributes = Object.fromEntries(Object.entries(product.attributes).map(([name, value]) => [name, [value]]));
        const price = { amount: 1_000 + (stableHash(`${key}/price`) % 20_000), currency: 'EUR' };
        const available = 1 + (stableHash(`${key}/stock`) % 50);
        emit({ type: 'marketplace.catalog.ProductCreated.v1', subject: productId, data: { productId, sellerId, categoryId, title, description, attributes, imageUrls: [], price, createdAt: now() } });
        emit({ type: 'marketplace.catalog.ProductPublished.v1', subject: productId, data: { productId, sellerId, publishedAt: now() } });
        emit({ type: 'marketplace.catalog.StockAdjusted.v1', subject: productId, data: { productId, sellerId, onHand: available, available, adjustedAt: now() } });
      }
    }
  }
  return { events, products, categoryIds, departmentIds };
}

/** The n-th product of a type; `index` (its place in the whole catalog) makes its model code unique. */
function relevanceProduct(productType: ProductType, n: number, index: number, categoryId: string, sellers: string[]): RelevanceProduct {
  const key = `${productType.key}/${n}`;
  const chosen = Object.fromEntries(Object.entries(productType.attributes).map(([name, values]) => [name, pick(values, `${key}/${name}`)]));
  const colour = pick(COLOURS, `${key}/colour`);
  const model = `${MODEL_LETTERS[index % MODEL_LETTERS.length]}${100 + index}`;
  const noun = productType.nouns[n % productType.nouns.length].replace(/(^|\s)(\p{Ll})/gu, (_, space: string, letter: string) => space + letter.toUpperCase());
  // What it does always comes first; zero to two of the other sentences follow, from a place of its own.
  const [does, ...others] = productType.sentences;
  const start = stableHash(`${key}/start`) % others.length;
  const more = stableHash(`${key}/length`) % 3;
  return {
    id: nameBasedId(NAMESPACE, `product/${key}`),
    sellerId: sellers[index % sellers.length],
    categoryId,
    title: [pick(BRANDS, `${key}/brand`), model, noun, ...Object.values(chosen)].join(' '),
    description: [does, ...Array.from({ length: more }, (_, j) => others[(start + j) % others.length])].join(' '),
    colour,
    type: productType.key,
    attributes: { ...chosen, colour },
  };
}
