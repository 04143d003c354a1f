import type { Migration } from '@marketplace/platform';
import { ordersState } from './001-orders-state';

export const ordersMigrations: readonly Migration[] = [ordersState];
