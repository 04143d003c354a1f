import type { Migration } from '@marketplace/platform';
import { catalogProducts } from './001-catalog-products';
import { inventoryMigration } from './002-inventory-stock-and-reservations';
import { productImagesMigration } from './003-product-images';

/** The catalog schema, in name order: products first, inventory's `*-inventory-*` entries after them. */
export const catalogMigrations: Migration[] = [catalogProducts, inventoryMigration, productImagesMigration];
