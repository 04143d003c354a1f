import type { EventData, Money } from '@marketplace/contracts';

export type ProductStatus = 'draft' | 'published' | 'archived';

/** What orders knows of a product to sell it: its seller, title, current price and status. */
export interface PriceEntry {
  productId: string;
  sellerId: string;
  title: string;
  price: Money;
  status: ProductStatus;
}

/** The catalog.product.v1 events the price list folds (categories and reviews do not change prices). */
export type PriceListEvent =
  | { type: 'marketplace.catalog.ProductCreated.v1'; data: EventData<'marketplace.catalog.ProductCreated.v1'> }
  | { type: 'marketplace.catalog.ProductUpdated.v1'; data: EventData<'marketplace.catalog.ProductUpdated.v1'> }
  | { type: 'marketplace.catalog.ProductPriceChanged.v1'; data: EventData<'marketplace.catalog.ProductPriceChanged.v1'> }
  | { type: 'marketplace.catalog.ProductPublished.v1'; data: EventData<'marketplace.catalog.ProductPublished.v1'> }
  | { type: 'marketplace.catalog.ProductArchived.v1'; data: EventData<'marketplace.catalog.ProductArchived.v1'> };

/**
 * One product event applied to its entry (undefined before ProductCreated). Events arrive in order per
 * product; one that needs an entry which is missing (its creation never reached orders) changes nothing.
 */
export function evolvePriceEntry(entry: PriceEntry | undefined, event: PriceListEvent): PriceEntry | undefined {
  switch (event.type) {
    case 'marketplace.catalog.ProductCreated.v1': {
      const { productId, sellerId, title, price } = event.data;
      return { productId, sellerId, title, price, status: 'draft' };
    }
    case 'marketplace.catalog.ProductUpdated.v1':
      return entry && { ...entry, title: event.data.title };
    case 'marketplace.catalog.ProductPriceChanged.v1':
      return entry && { ...entry, price: event.data.price };
    case 'marketplace.catalog.ProductPublished.v1':
      return entry && entry.status !== 'archived' ? { ...entry, status: 'published' } : entry;
    case 'marketplace.catalog.ProductArchived.v1':
      return entry && { ...entry, status: 'archived' };
    default: {
      const unknown: never = event;
      throw new Error(`Unknown price list event ${JSON.stringify(unknown)}`);
    }
  }
}
