import { InvalidEventError } from '@marketplace/contracts';
import type { IncomingMessage } from '../port';
import { DEAD_LETTER_HEADERS, deadLetterMessage } from './dead-letter';

describe('dead letter', () => {
  const message: IncomingMessage = {
    topic: 'orders.order.v1',
    partition: 2,
    offset: '41',
    key: 'order-7',
    value: Buffer.from('{"not":"a cloud event"'),
    headers: { 'ce-type': 'marketplace.orders.OrderPlaced.v1', traceparent: '00-abc-def-01' },
  };
  const failedAt = new Date('2025-01-02T03:04:05.000Z');

  it('keeps the original bytes, key and headers and says where the message came from and why it failed', () => {
    const letter = deadLetterMessage(message, { error: new TypeError('boom'), group: 'catalog', attempts: 5, failedAt });
    expect(letter.topic).toBe('orders.order.v1.dlq');
    expect(letter.key).toBe('order-7');
    expect(letter.value).toBe(message.value);
    expect(letter.headers).toEqual({
      'ce-type': 'marketplace.orders.OrderPlaced.v1',
      traceparent: '00-abc-def-01',
      [DEAD_LETTER_HEADERS.topic]: 'orders.order.v1',
      [DEAD_LETTER_HEADERS.partition]: '2',
      [DEAD_LETTER_HEADERS.offset]: '41',
      [DEAD_LETTER_HEADERS.key]: 'order-7',
      [DEAD_LETTER_HEADERS.group]: 'catalog',
      [DEAD_LETTER_HEADERS.errorName]: 'TypeError',
      [DEAD_LETTER_HEADERS.errorMessage]: 'boom',
      [DEAD_LETTER_HEADERS.attempts]: '5',
      [DEAD_LETTER_HEADERS.failedAt]: '2025-01-02T03:04:05.000Z',
    });
  });

  it('carries the schema issues of an invalid event', () => {
    const error = new InvalidEventError('invalid_data', [{ path: 'data.orderId', message: 'Required' }], 'marketplace.orders.OrderPlaced.v1');
    const letter = deadLetterMessage(message, { error, group: 'catalog', attempts: 0, failedAt });
    expect(letter.headers?.[DEAD_LETTER_HEADERS.errorName]).toBe('InvalidEventError');
    expect(JSON.parse(letter.headers?.[DEAD_LETTER_HEADERS.errorDetails] ?? '')).toEqual([{ path: 'data.orderId', message: 'Required' }]);
    expect(letter.headers?.[DEAD_LETTER_HEADERS.attempts]).toBe('0');
  });

  it('describes a thrown non-error and bounds a huge message', () => {
    const thrown = deadLetterMessage(message, { error: 'just a string', group: 'g', attempts: 1, failedAt });
    expect(thrown.headers?.[DEAD_LETTER_HEADERS.errorName]).toBe('NonErrorThrown');
    expect(thrown.headers?.[DEAD_LETTER_HEADERS.errorMessage]).toBe('just a string');
    const huge = deadLetterMessage(message, { error: new Error('x'.repeat(100_000)), group: 'g', attempts: 1, failedAt });
    expect(huge.headers?.[DEAD_LETTER_HEADERS.errorMessage]?.length).toBe(4_000);
  });
});
