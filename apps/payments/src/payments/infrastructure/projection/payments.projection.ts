import { type ProjectionDefinition, rowProjection } from '@marketplace/projections';
import { paymentDecider } from '../../domain/payment-decider';
import { PAYMENT_EVENT_TYPES, PAYMENT_STREAM_PREFIX, type PaymentEvent } from '../../domain/payment-events';
import type { PaymentState } from '../../domain/payment-state';
import { type PaymentRow, paymentRow } from './payment-row';
import { paymentsTable } from './payments-table';

export const PAYMENTS_PROJECTION = 'payments';

/**
 * The payments read model, rebuildable from the streams: each row folds its payment's events with the
 * decider's own `evolve`, so reads show exactly what the aggregate decides on.
 */
export const paymentsProjection: ProjectionDefinition = rowProjection<PaymentRow>({
  name: PAYMENTS_PROJECTION,
  version: 2,
  handles: PAYMENT_EVENT_TYPES,
  table: paymentsTable,
  key: 'id',
  rowId: (event) => (event.streamId.startsWith(PAYMENT_STREAM_PREFIX) ? event.streamId.slice(PAYMENT_STREAM_PREFIX.length) : undefined),
  evolve: (row, event) => {
    const before = row ? (row.state as unknown as PaymentState) : paymentDecider.initialState();
    const state = paymentDecider.evolve(before, { type: event.type, data: event.data } as PaymentEvent);
    if (state.status === 'none') return row;
    const at = event.recordedAt.toISOString();
    return paymentRow(state, row?.created_at ?? at, at);
  },
});
