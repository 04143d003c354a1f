import type { Migration } from '@marketplace/platform';
import { inventoryMigration } from './002-inventory-stock-and-reservations';

/** The catalog schema, in name order. */
export const catalogMigrations: Migration[] = [inventoryMigration];
