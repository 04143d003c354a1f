import { InvalidEventError } from '@marketplace/contracts';
import type { IncomingMessage } from '../port';
import { deadLetterMessage } from './dead-letter';
import { isDeadLetterTopic, readDeadLetter, redeliveryOf } from './dead-letter-record';

describe('dead letter record', () => {
  const original: IncomingMessage = {
    topic: 'orders.order.v1',
    partition: 2,
    offset: '41',
    key: 'order-7',
    value: Buffer.from('{"id":"e-1"}'),
    headers: { 'ce-type': 'marketplace.orders.OrderPlaced.v1', 'ce-id': 'e-1', traceparent: '00-abc-def-01' },
  };
  const failedAt = new Date('2025-01-02T03:04:05.000Z');

  /** The letter as a consumer of `<topic>.dlq` receives it. */
  function received(error: unknown, attempts = 5): IncomingMessage {
    const letter = deadLetterMessage(original, { error, group: 'catalog', attempts, failedAt });
    return { topic: letter.topic, partition: 0, offset: '3', key: letter.key, value: letter.value as Buffer, headers: letter.headers ?? {} };
  }

  it('reads back where the message came from, why it failed and the original message', () => {
    const letter = readDeadLetter(received(new TypeError('boom')));
    expect(letter).toEqual({
      topic: 'orders.order.v1.dlq',
      partition: 0,
      offset: '3',
      originalTopic: 'orders.order.v1',
      key: 'order-7',
      group: 'catalog',
      eventType: 'marketplace.orders.OrderPlaced.v1',
      eventId: 'e-1',
      error: { name: 'TypeError', message: 'boom', details: undefined },
      attempts: 5,
      failedAt: '2025-01-02T03:04:05.000Z',
      value: original.value,
      headers: original.headers,
    });
  });

  it('carries schema issues, and redelivers the original key, bytes and headers to the original topic', () => {
    const letter = readDeadLetter(received(new InvalidEventError('invalid_data', [{ path: 'data.x', message: 'Required' }]), 0));
    expect(letter.error.details).toEqual([{ path: 'data.x', message: 'Required' }]);
    expect(letter.attempts).toBe(0);
    expect(redeliveryOf(letter)).toEqual({ topic: 'orders.order.v1', key: 'order-7', value: original.value, headers: original.headers });
  });

  it('reads a letter written without the dead-letter headers from its topic name', () => {
    const letter = readDeadLetter({ topic: 'catalog.product.v1.dlq', partition: 1, offset: '0', key: 'p-1', value: Buffer.from('x'), headers: {} });
    expect(letter).toMatchObject({ originalTopic: 'catalog.product.v1', key: 'p-1', error: { name: 'unknown', message: '' }, attempts: undefined });
    expect(isDeadLetterTopic('catalog.product.v1.dlq')).toBe(true);
    expect(isDeadLetterTopic('catalog.product.v1')).toBe(false);
  });
});
