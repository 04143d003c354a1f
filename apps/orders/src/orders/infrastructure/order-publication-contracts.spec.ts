import type { RecordedEvent } from '@marketplace/event-store';
import { publishByContract } from '@marketplace/messaging';
import { DISPUTE_EVENT_TYPES } from '../../disputes/domain/dispute-events';
import { ORDER_EVENT_TYPES } from '../domain/order-events';
import { publishOrderEvent } from './order-publication';

// The ops CLI holds no service code: it republishes orders' history with publishByContract, so the
// relay's mapping must give the same topic, type and key for every stored event.
describe('orders publication agrees with the contracts', () => {
  const byContract = publishByContract('orders', ['order-', 'dispute-']);
  const data = { orderId: 'o-1', disputeId: 'd-1' };
  const stored = (streamId: string, type: string): RecordedEvent => ({ id: 'e', streamId, type, revision: 0, position: { commit: 1n, prepare: 1n }, recordedAt: new Date(0), data, metadata: {} });

  it.each([...ORDER_EVENT_TYPES.map((type) => ['order-o-1', type]), ...DISPUTE_EVENT_TYPES.map((type) => ['dispute-d-1', type]), ['checkout-o-1', 'OrderPlaced']])('%s %s', (stream, type) => {
    expect(byContract(stored(stream, type))).toEqual(publishOrderEvent(stored(stream, type)));
  });
});
