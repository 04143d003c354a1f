import type {
  CategoryCreated,
  CategoryMoved,
  CategoryRenamed,
  StockAdjusted,
  StockReleased,
  StockReserved,
} from '@marketplace/contracts';
import type { RecordedEvent } from '@marketplace/event-store';
import type { ProductFact } from '../../domain/evolve-product';

export type CategoryFact =
  | { type: 'marketplace.catalog.CategoryCreated.v1'; data: CategoryCreated }
  | { type: 'marketplace.catalog.CategoryRenamed.v1'; data: CategoryRenamed }
  | { type: 'marketplace.catalog.CategoryMoved.v1'; data: CategoryMoved };

export type SearchFact = { kind: 'category'; fact: CategoryFact } | { kind: 'product'; fact: ProductFact };

const CATEGORY_TYPES = new Set<string>([
  'marketplace.catalog.CategoryCreated.v1',
  'marketplace.catalog.CategoryRenamed.v1',
  'marketplace.catalog.CategoryMoved.v1',
]);

const PRODUCT_TYPES = new Set<string>([
  'marketplace.catalog.ProductCreated.v1',
  'marketplace.catalog.ProductUpdated.v1',
  'marketplace.catalog.ProductPriceChanged.v1',
  'marketplace.catalog.ProductPublished.v1',
  'marketplace.catalog.ProductArchived.v1',
  'marketplace.catalog.ReviewPosted.v1',
]);

/** Event types the projection reads from search's log; StockCommitted and StockReservationFailed leave availability as it is. */
export const SEARCH_EVENT_TYPES = [
  ...CATEGORY_TYPES,
  ...PRODUCT_TYPES,
  'marketplace.catalog.StockAdjusted.v1',
  'marketplace.catalog.StockReserved.v1',
  'marketplace.catalog.StockReleased.v1',
];

/**
 * What one recorded event means to the read model. The data was validated against its contract
 * when it entered the log, so it is read here as its contract type.
 */
export function searchFacts(event: RecordedEvent): SearchFact[] {
  if (CATEGORY_TYPES.has(event.type)) return [{ kind: 'category', fact: { type: event.type, data: event.data } as CategoryFact }];
  if (PRODUCT_TYPES.has(event.type)) return [{ kind: 'product', fact: { type: event.type, data: event.data } as ProductFact }];
  switch (event.type) {
    case 'marketplace.catalog.StockAdjusted.v1': {
      const data = event.data as StockAdjusted;
      return [stock(data.productId, data.available, data.adjustedAt)];
    }
    case 'marketplace.catalog.StockReserved.v1': {
      const data = event.data as StockReserved;
      return data.lines.map((line) => stock(line.productId, line.available, data.reservedAt));
    }
    case 'marketplace.catalog.StockReleased.v1': {
      const data = event.data as StockReleased;
      return data.lines.map((line) => stock(line.productId, line.available, data.releasedAt));
    }
    default:
      return [];
  }
}

function stock(productId: string, available: number, at: string): SearchFact {
  return { kind: 'product', fact: { type: 'stock', data: { productId, available, at } } };
}
