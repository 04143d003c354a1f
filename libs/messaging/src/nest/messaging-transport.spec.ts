import type { MessageBus } from '../port';
import { EVENT_BATCH_EXTRAS } from './event-batch-pattern';
import { MessagingTransport, UnsupportedPatternError } from './messaging-transport';

describe('MessagingTransport', () => {
  const bus = { kind: 'embedded' } as MessageBus;
  const handler = (isEventHandler: boolean) => Object.assign(async () => undefined, { isEventHandler });

  it('consumes the topic of every @EventPattern handler', () => {
    const transport = new MessagingTransport(bus, { groupId: 'search' });
    transport.addHandler('catalog.product.v1', handler(true), true);
    transport.addHandler('catalog.inventory.v1', handler(true), true);
    expect(transport.topics()).toEqual(['catalog.product.v1', 'catalog.inventory.v1']);
    expect(transport.unwrap()).toBe(bus);
  });

  it('refuses a topic whose handlers mix @EventBatchPattern and @EventPattern: Nest hands every handler of a topic the same payload', async () => {
    const mixed = new MessagingTransport(bus, { groupId: 'notifications' });
    mixed.addHandler('orders.order.v3', handler(true), true, { ...EVENT_BATCH_EXTRAS });
    mixed.addHandler('orders.order.v3', handler(true), true);
    const failure = await new Promise((resolve) => void mixed.listen(resolve));
    expect(failure).toBeInstanceOf(UnsupportedPatternError);
    expect((failure as Error).message).toMatch(/orders\.order\.v3 has both @EventBatchPattern and @EventPattern handlers/);
  });

  it('refuses request-response patterns and patterns that are not topic names', async () => {
    const withMessagePattern = new MessagingTransport(bus, { groupId: 'search' });
    withMessagePattern.addHandler('catalog.product.v1', handler(false), false);
    expect(() => withMessagePattern.topics()).toThrow(UnsupportedPatternError);

    const withObjectPattern = new MessagingTransport(bus, { groupId: 'search' });
    withObjectPattern.addHandler({ cmd: 'stock' }, handler(true), true);
    expect(() => withObjectPattern.topics()).toThrow(/not a topic name/);
    const failure = await new Promise((resolve) => void withObjectPattern.listen(resolve));
    expect(failure).toBeInstanceOf(UnsupportedPatternError);
  });
});
