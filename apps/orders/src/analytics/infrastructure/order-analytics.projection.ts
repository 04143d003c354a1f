import { type ProjectionDefinition, rowProjection } from '@marketplace/projections';
import { ORDER_EVENT_TYPES } from '../../orders/domain/order-events';
import { evolveOrderFacts, type OrderFacts } from './order-facts';
import { orderFactsTable } from './order-facts-table';

export const ORDER_ANALYTICS = 'order-analytics';

const ORDER_STREAM_PREFIX = 'order-';

/** The sales analytics' facts, one row per order folded from its stream; rebuildable like every projection. */
export const orderAnalyticsProjection: ProjectionDefinition = rowProjection<OrderFacts>({
  name: ORDER_ANALYTICS,
  version: 1,
  handles: ORDER_EVENT_TYPES,
  table: orderFactsTable,
  key: 'order_id',
  rowId: (event) => (event.streamId.startsWith(ORDER_STREAM_PREFIX) ? event.streamId.slice(ORDER_STREAM_PREFIX.length) : undefined),
  evolve: evolveOrderFacts,
});
