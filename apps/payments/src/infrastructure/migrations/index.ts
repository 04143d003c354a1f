import type { Migration } from '@marketplace/platform';
import { stripeWebhookEvents } from './001-stripe-webhook-events';
import { reconciliationAttempts } from './002-reconciliation-attempts';
import { mobileMoney } from './003-mobile-money';
import { ledgerProductCategories } from './004-ledger';

/** The payments schema besides its event store, relay checkpoints and projections (which migrate themselves). */
export const paymentsMigrations: Migration[] = [stripeWebhookEvents, reconciliationAttempts, mobileMoney, ledgerProductCategories];
