import { categoryCreated } from './category-created';
import { categoryMoved } from './category-moved';
import { categoryRenamed } from './category-renamed';
import { productArchived } from './product-archived';
import { productCreated } from './product-created';
import { productPriceChanged } from './product-price-changed';
import { productPublished } from './product-published';
import { productUpdated } from './product-updated';
import { reviewPosted } from './review-posted';
import { stockAdjusted } from './stock-adjusted';
import { stockCommitted } from './stock-committed';
import { stockReleased } from './stock-released';
import { stockReservationFailed } from './stock-reservation-failed';
import { stockReserved } from './stock-reserved';

export * from './category-created';
export * from './category-fields';
export * from './category-moved';
export * from './category-renamed';
export * from './product-archived';
export * from './product-created';
export * from './product-fields';
export * from './product-price-changed';
export * from './product-published';
export * from './product-updated';
export * from './review-posted';
export * from './stock-adjusted';
export * from './stock-committed';
export * from './stock-released';
export * from './stock-reservation-failed';
export * from './stock-reserved';

/** On `catalog.product.v1`. */
export const catalogProductEvents = [
  categoryCreated,
  categoryMoved,
  categoryRenamed,
  productCreated,
  productUpdated,
  productPriceChanged,
  productPublished,
  productArchived,
  reviewPosted,
] as const;

/** On `catalog.inventory.v1`. */
export const catalogInventoryEvents = [
  stockAdjusted,
  stockReserved,
  stockReservationFailed,
  stockReleased,
  stockCommitted,
] as const;
