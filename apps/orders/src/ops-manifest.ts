import type { ProjectionDefinition } from '@marketplace/projections';
import { orderAnalyticsProjection } from './analytics/infrastructure/order-analytics.projection';
import { checkoutDecider } from './checkout/domain/checkout-decider';
import { disputeDecider } from './disputes/domain/dispute-decider';
import { disputeReadModelProjection } from './disputes/infrastructure/read-model/dispute-read-model.projection';
import { orderDecider } from './orders/domain/order-decider';
import { orderReadModelProjection } from './orders/infrastructure/read-model/order-read-model.projection';

/** The orders' read models, run by the service (app.module) and rebuilt by the ops CLI. */
export const ORDERS_PROJECTIONS: readonly ProjectionDefinition[] = [orderReadModelProjection, disputeReadModelProjection, orderAnalyticsProjection];

/**
 * What the ops CLI (tools/ops) may use of this service, and the only file of it that the CLI imports:
 * the decider of each stream category (to fold a stream as of a past moment) and the read models.
 */
export const ordersOpsManifest = {
  service: 'orders',
  deciders: { order: orderDecider, checkout: checkoutDecider, dispute: disputeDecider },
  projections: async () => ORDERS_PROJECTIONS,
};
