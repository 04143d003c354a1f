import type { CloudEvent } from '@marketplace/contracts';
import { InvalidMessageError, InvalidTopicError } from './bus-errors';
import { encodeMessage } from './outgoing-message';

const event: CloudEvent = {
  id: 'evt-1',
  source: 'orders',
  type: 'marketplace.orders.OrderPlaced.v1',
  specversion: '1.0',
  time: '2025-01-01T00:00:00.000Z',
  subject: 'order-1',
  datacontenttype: 'application/json',
  data: { total: 100 },
  traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
};

describe('encodeMessage', () => {
  it('sends a CloudEvent as JSON with ce-type, ce-id and traceparent over the given headers', () => {
    const encoded = encodeMessage({ topic: 'orders.order.v1', key: 'order-1', value: event, headers: { 'ce-id': 'spoofed', other: 'x' } });
    expect(JSON.parse(encoded.value.toString())).toEqual(event);
    expect(encoded.headers).toEqual({ 'ce-type': event.type, 'ce-id': 'evt-1', traceparent: event.traceparent, other: 'x' });
  });

  it('sends bytes unchanged with only the given headers', () => {
    const raw = Buffer.from('{not json');
    const encoded = encodeMessage({ topic: 'orders.order.v1.dlq', key: 'order-1', value: raw, headers: { 'dlq-error': 'bad' } });
    expect(encoded.value).toBe(raw);
    expect(encoded.headers).toEqual({ 'dlq-error': 'bad' });
  });

  it('rejects bad topics, missing keys and values that are neither', () => {
    expect(() => encodeMessage({ topic: 'bad topic!', key: 'k', value: event })).toThrow(InvalidTopicError);
    expect(() => encodeMessage({ topic: 't', key: '', value: event })).toThrow(InvalidMessageError);
    expect(() => encodeMessage({ topic: 't', key: 'k', value: { nope: true } as unknown as CloudEvent })).toThrow(InvalidMessageError);
  });
});
