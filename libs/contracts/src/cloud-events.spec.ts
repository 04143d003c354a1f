import { InvalidEventError } from './errors';
import { eventExamples, exampleCloudEvent } from './examples';
import { createCloudEvent, isEventType, type MarketplaceEvent, parseCloudEvent, topicForType } from './registry';

const orderPlaced = 'marketplace.orders.OrderPlaced.v3';
const envelope = {
  id: '0d7e5f2c-6a1e-4a53-9a0e-2f1f0c1d9b11',
  time: '2026-03-01T12:00:00.000Z',
  source: '/marketplace/orders',
  subject: eventExamples[orderPlaced].orderId,
};

function thrown(fn: () => unknown): InvalidEventError {
  try {
    fn();
  } catch (error) {
    if (error instanceof InvalidEventError) return error;
    throw error;
  }
  throw new Error('expected an InvalidEventError');
}

describe('createCloudEvent', () => {
  it('builds a CloudEvents 1.0 envelope around validated data', () => {
    const event = createCloudEvent({ ...envelope, type: orderPlaced, data: eventExamples[orderPlaced], traceparent: '00-abc-def-01' });
    expect(event).toEqual({
      ...envelope,
      type: orderPlaced,
      specversion: '1.0',
      datacontenttype: 'application/json',
      data: eventExamples[orderPlaced],
      traceparent: '00-abc-def-01',
    });
  });

  it('refuses data that does not match the type, naming each bad field', () => {
    const data = { ...eventExamples[orderPlaced], total: { amount: -5, currency: 'eur' } };
    const error = thrown(() => createCloudEvent({ ...envelope, type: orderPlaced, data }));
    expect(error.reason).toBe('invalid_data');
    expect(error.eventType).toBe(orderPlaced);
    expect(error.details).toEqual([
      { path: 'data.total.amount', message: 'amount must not be negative' },
      { path: 'data.total.currency', message: 'currency must be an ISO 4217 code of 3 upper-case letters' },
    ]);
    expect(error.message).toContain('data.total.amount: amount must not be negative');
  });

  it('refuses a time that is not ISO 8601 UTC and an empty subject', () => {
    const error = thrown(() =>
      createCloudEvent({ ...envelope, time: '2026-03-01T13:00:00+01:00', subject: '', type: orderPlaced, data: eventExamples[orderPlaced] }),
    );
    expect(error.reason).toBe('invalid_envelope');
    expect(error.details.map((d) => d.path)).toEqual(['time', 'subject']);
  });

  it('refuses a type it does not know', () => {
    const error = thrown(() => createCloudEvent({ ...envelope, type: 'marketplace.orders.OrderTeleported.v1' as typeof orderPlaced, data: eventExamples[orderPlaced] }));
    expect(error.reason).toBe('unknown_type');
  });
});

describe('parseCloudEvent', () => {
  const event = exampleCloudEvent(orderPlaced);

  it.each([
    ['an object', event],
    ['a JSON string', JSON.stringify(event)],
    ['JSON bytes', Buffer.from(JSON.stringify(event))],
  ])('reads back what createCloudEvent built, from %s', (_form, raw) => {
    expect(parseCloudEvent(raw)).toEqual(event);
  });

  it('narrows data by type', () => {
    const parsed: MarketplaceEvent = parseCloudEvent(JSON.stringify(event));
    switch (parsed.type) {
      case 'marketplace.orders.OrderPlaced.v3':
        expect(parsed.data.lines.map((line) => line.unitPrice.amount)).toEqual([4500, 2950]);
        break;
      default:
        throw new Error(`unexpected ${parsed.type}`);
    }
    expect(isEventType(parsed, 'marketplace.orders.OrderPlaced.v3', 'marketplace.orders.OrderConfirmed.v1')).toBe(true);
    expect(isEventType(parsed, 'marketplace.orders.OrderConfirmed.v1')).toBe(false);
  });

  it('refuses an unknown type with a typed error', () => {
    const error = thrown(() => parseCloudEvent({ ...event, type: 'marketplace.orders.OrderTeleported.v1' }));
    expect(error).toBeInstanceOf(InvalidEventError);
    expect(error.reason).toBe('unknown_type');
    expect(error.details).toEqual([{ path: 'type', message: 'unknown event type marketplace.orders.OrderTeleported.v1' }]);
  });

  it('refuses data that fails its type, with paths into the event', () => {
    const error = thrown(() => parseCloudEvent({ ...event, data: { ...event.data, lines: [{ ...event.data.lines[0], quantity: 1.5 }] } }));
    expect(error.reason).toBe('invalid_data');
    expect(error.details.map((d) => d.path)).toEqual(['data.lines.0.quantity']);
  });

  it('refuses an envelope that is not CloudEvents 1.0', () => {
    const { specversion: _dropped, ...withoutVersion } = event;
    expect(thrown(() => parseCloudEvent(withoutVersion)).details.map((d) => d.path)).toEqual(['specversion']);
    expect(thrown(() => parseCloudEvent({ ...event, type: 'OrderPlaced' })).reason).toBe('invalid_envelope');
    expect(thrown(() => parseCloudEvent(null)).reason).toBe('invalid_envelope');
  });

  it('refuses bytes that are not JSON', () => {
    const error = thrown(() => parseCloudEvent(Buffer.from('{"id": ')));
    expect(error.reason).toBe('invalid_envelope');
    expect(error.details[0].message).toMatch(/^not JSON/);
  });
});

describe('topicForType', () => {
  it('routes each event to the topic of its aggregate family', () => {
    expect(topicForType(orderPlaced)).toBe('orders.order.v1');
    expect(topicForType('marketplace.catalog.StockReserved.v1')).toBe('catalog.inventory.v1');
    expect(topicForType('marketplace.catalog.ProductCreated.v1')).toBe('catalog.product.v1');
  });
});
