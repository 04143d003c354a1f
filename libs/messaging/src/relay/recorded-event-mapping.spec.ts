import type { RecordedEvent } from '@marketplace/event-store';
import { cloudEventFor } from './recorded-event-mapping';

describe('cloudEventFor', () => {
  const recorded: RecordedEvent = {
    id: '0b7f7bd6-5c2a-4a8e-9d43-6c1e2b7b0f11',
    streamId: 'order-52ce88af',
    type: 'OrderConfirmed',
    revision: 3,
    position: { commit: 10n, prepare: 4n },
    recordedAt: new Date('2026-03-01T12:00:00.000Z'),
    data: { orderId: '52ce88af' },
    metadata: { correlationid: 'corr-1', causationid: 'cause-1', traceparent: '00-trace-span-01', actor: 'u-1', unrelated: 5 },
  };

  it('keeps the stored id and time, and carries correlation, causation and trace context from the metadata', () => {
    expect(cloudEventFor(recorded, { topic: 'orders.order.v1', type: 'marketplace.orders.OrderConfirmed.v1', subject: '52ce88af' }, 'marketplace/orders')).toEqual({
      id: recorded.id,
      source: 'marketplace/orders',
      type: 'marketplace.orders.OrderConfirmed.v1',
      specversion: '1.0',
      time: '2026-03-01T12:00:00.000Z',
      subject: '52ce88af',
      datacontenttype: 'application/json',
      data: { orderId: '52ce88af' },
      correlationid: 'corr-1',
      causationid: 'cause-1',
      traceparent: '00-trace-span-01',
    });
  });

  it('uses the data the mapper gives, and leaves out metadata that is missing or not text', () => {
    const event = cloudEventFor(
      { ...recorded, metadata: { correlationid: 42 } },
      { topic: 't', type: 'marketplace.orders.OrderConfirmed.v1', subject: 's', data: { reshaped: true } },
      'src',
    );
    expect(event.data).toEqual({ reshaped: true });
    expect(event).not.toHaveProperty('correlationid');
    expect(event).not.toHaveProperty('traceparent');
  });
});
