import type { TableDefinition } from '@marketplace/projections';
import type { MinuteCounts } from '../../domain/payment-facts';

/** The column of each counter. */
export const COUNTER_COLUMNS: Readonly<Record<keyof MinuteCounts, string>> = {
  initiated: 'initiated',
  captured: 'captured',
  capturedAmount: 'captured_amount',
  failed: 'failed',
  refunds: 'refunds',
  refundedAmount: 'refunded_amount',
  chargebacks: 'chargebacks',
  chargebackAmount: 'chargeback_amount',
};

/** Per minute and currency, what happened to payments (amounts in minor units). */
export const paymentMinutesTable: TableDefinition = {
  name: 'payment_analytics_minutes',
  ddl: (t) => [
    `CREATE TABLE ${t.sql} (
       minute timestamptz NOT NULL,
       currency text NOT NULL,
       initiated integer NOT NULL DEFAULT 0,
       captured integer NOT NULL DEFAULT 0,
       captured_amount bigint NOT NULL DEFAULT 0,
       failed integer NOT NULL DEFAULT 0,
       refunds integer NOT NULL DEFAULT 0,
       refunded_amount bigint NOT NULL DEFAULT 0,
       chargebacks integer NOT NULL DEFAULT 0,
       chargeback_amount bigint NOT NULL DEFAULT 0,
       PRIMARY KEY (minute, currency)
     )`,
  ],
};

/** Per minute, currency and decline reason, how many payments failed. */
export const paymentDeclinesTable: TableDefinition = {
  name: 'payment_analytics_declines',
  ddl: (t) => [
    `CREATE TABLE ${t.sql} (
       minute timestamptz NOT NULL,
       currency text NOT NULL,
       reason text NOT NULL,
       count integer NOT NULL,
       PRIMARY KEY (minute, currency, reason)
     )`,
  ],
};
