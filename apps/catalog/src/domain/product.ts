import type { Money } from '@marketplace/contracts';
import { type Actor, isAdmin } from './actor';
import { CurrencyChangeError, IllegalProductTransitionError, NotProductOwnerError } from './errors';

export type ProductStatus = 'draft' | 'published' | 'archived';
export type ProductAttributes = Record<string, string[]>;

/** What a seller describes; the price is apart because its changes are events of their own. */
export interface ProductDetails {
  title: string;
  description: string;
  categoryId: string;
  attributes: ProductAttributes;
  imageUrls: string[];
}

export interface Product extends ProductDetails {
  id: string;
  sellerId: string;
  price: Money;
  status: ProductStatus;
  rating: { sum: number; count: number };
  createdAt: Date;
  updatedAt: Date;
  publishedAt: Date | null;
  archivedAt: Date | null;
}

export function createProduct(input: ProductDetails & { id: string; sellerId: string; price: Money; now: Date }): Product {
  const { now, ...fields } = input;
  return { ...fields, status: 'draft', rating: { sum: 0, count: 0 }, createdAt: now, updatedAt: now, publishedAt: null, archivedAt: null };
}

/** Only the owning seller or an admin may change a product. */
export function assertMayChange(product: Product, actor: Actor): void {
  if (product.sellerId !== actor.id && !isAdmin(actor)) throw new NotProductOwnerError();
}

/** Drafts are seen by their seller and admins only; published and archived products by everyone. */
export function isVisibleTo(product: Product, actor: Actor | undefined): boolean {
  return product.status !== 'draft' || (actor !== undefined && (product.sellerId === actor.id || isAdmin(actor)));
}

export interface ProductEdit {
  product: Product;
  detailsChanged: boolean;
  /** The price before, when this edit changed it. */
  previousPrice?: Money;
}

/** Applies a seller's edit; an archived product is final. A new price keeps the product's currency. */
export function editProduct(product: Product, changes: Partial<ProductDetails> & { price?: Money }, now: Date): ProductEdit {
  if (product.status === 'archived') throw new IllegalProductTransitionError('edited', product.status);
  const { price, ...details } = changes;
  if (price && price.currency !== product.price.currency) throw new CurrencyChangeError(product.price.currency);
  const priceChanged = price !== undefined && price.amount !== product.price.amount;
  const detailsChanged = (Object.keys(details) as (keyof ProductDetails)[]).some(
    (key) => details[key] !== undefined && JSON.stringify(details[key]) !== JSON.stringify(product[key]),
  );
  if (!priceChanged && !detailsChanged) return { product, detailsChanged: false };
  const edited: Product = { ...product, ...stripUndefined(details), price: price ?? product.price, updatedAt: now };
  return { product: edited, detailsChanged, ...(priceChanged ? { previousPrice: product.price } : {}) };
}

export function publishProduct(product: Product, now: Date): Product {
  if (product.status !== 'draft') throw new IllegalProductTransitionError('published', product.status);
  return { ...product, status: 'published', publishedAt: now, updatedAt: now };
}

/** Withdraws a published product from sale for good. */
export function archiveProduct(product: Product, now: Date): Product {
  if (product.status !== 'published') throw new IllegalProductTransitionError('archived', product.status);
  return { ...product, status: 'archived', archivedAt: now, updatedAt: now };
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as Partial<T>;
}
