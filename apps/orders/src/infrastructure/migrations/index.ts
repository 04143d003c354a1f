import type { Migration } from '@marketplace/platform';
import { ordersState } from './001-orders-state';
import { disputes } from './002-disputes';
import { cartAdditions } from './003-cart-additions';

export const ordersMigrations: readonly Migration[] = [ordersState, disputes, cartAdditions];
