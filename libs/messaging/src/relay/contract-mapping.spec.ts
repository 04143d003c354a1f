import type { RecordedEvent } from '@marketplace/event-store';
import { publishByContract } from './contract-mapping';

describe('publishByContract', () => {
  const map = publishByContract('orders', ['order-', 'dispute-']);
  const stored = (streamId: string, type: string, data: Record<string, unknown>): RecordedEvent => ({
    id: '0b7f7bd6-5c2a-4a8e-9d43-6c1e2b7b0f11',
    streamId,
    type,
    revision: 0,
    position: { commit: 1n, prepare: 1n },
    recordedAt: new Date('2026-03-01T12:00:00.000Z'),
    data,
    metadata: {},
  });

  it('publishes a stored event as the newest version of its contract, keyed by the aggregate id', () => {
    expect(map(stored('order-o1', 'OrderPlaced', { orderId: 'o1' }))).toEqual({ topic: 'orders.order.v1', type: 'marketplace.orders.OrderPlaced.v3', subject: 'o1' });
    expect(map(stored('dispute-d1', 'DisputeOpened', { disputeId: 'd1', orderId: 'o1' }))).toEqual({
      topic: 'orders.order.v1',
      type: 'marketplace.orders.DisputeOpened.v1',
      subject: 'd1',
    });
  });

  it('keeps private an event no contract of the context names, and one outside the published streams', () => {
    expect(map(stored('order-o1', 'OrderStockReserved', { orderId: 'o1' }))).toBeUndefined();
    expect(map(stored('checkout-o1', 'OrderPlaced', { orderId: 'o1' }))).toBeUndefined();
    expect(publishByContract('payments', ['payment-'])(stored('payment-p1', 'OrderPlaced', { orderId: 'o1' }))).toBeUndefined();
  });
});
