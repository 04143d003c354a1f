import type { ProjectionDefinition } from '@marketplace/projections';
import { paymentAnalyticsProjection } from './analytics/infrastructure/projection/payment-analytics.projection';
import { ledgerProjection } from './ledger/infrastructure/projection/ledger.projection';
import { paymentDecider } from './payments/domain/payment-decider';
import { paymentsProjection } from './payments/infrastructure/projection/payments.projection';
import { payoutDecider } from './payouts/domain/payout-decider';
import { payoutsProjection } from './payouts/infrastructure/projection/payouts.projection';

/** The payments' read models: payments, the sellers' ledger, payouts, payment analytics. */
export const PAYMENTS_PROJECTIONS: readonly ProjectionDefinition[] = [paymentsProjection, ledgerProjection, payoutsProjection, paymentAnalyticsProjection];

/**
 * What the ops CLI (tools/ops) may use of this service, and the only file of it that the CLI imports:
 * the decider of each stream category (to fold a stream as of a past moment) and the read models.
 */
export const paymentsOpsManifest = {
  service: 'payments',
  deciders: { payment: paymentDecider, payout: payoutDecider },
  projections: async () => PAYMENTS_PROJECTIONS,
};
