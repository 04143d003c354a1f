import {
  CommandHandler,
  EventIdConflictError,
  InMemoryEventStoreTestDouble,
  WrongExpectedRevisionError,
  type CommandHandlerOptions,
} from '../src';
import { type CartCommand, type CartEvent, type CartState, CartAlreadyCheckedOutError, cartDecider } from './fixtures/cart-decider';

function sequentialIds() {
  let next = 0;
  return () => `00000000-0000-4000-8000-${String(++next).padStart(12, '0')}`;
}

function handlerFor(store: InMemoryEventStoreTestDouble, extra: Partial<CommandHandlerOptions<CartCommand, CartEvent, CartState>> = {}) {
  const nextId = sequentialIds();
  return new CommandHandler({ store, decider: cartDecider, eventId: () => nextId(), ...extra });
}

describe('CommandHandler', () => {
  it('starts a new stream with no_stream and stores the supplied ids and metadata', async () => {
    const store = new InMemoryEventStoreTestDouble();
    const appendSpy = jest.spyOn(store, 'appendToStream');
    const result = await handlerFor(store).handle('cart-1', { type: 'AddItem', sku: 'a', quantity: 2 }, { metadata: { correlationId: 'c-1' } });

    expect(appendSpy).toHaveBeenCalledWith('cart-1', expect.any(Array), { expectedRevision: 'no_stream' });
    expect(result).toMatchObject({ events: [{ type: 'ItemAdded' }], state: { status: 'open', items: 2 }, revision: 0 });
    const [stored] = await store.readStream('cart-1');
    expect(stored).toMatchObject({ id: '00000000-0000-4000-8000-000000000001', data: { sku: 'a', quantity: 2 }, metadata: { correlationId: 'c-1' } });
  });

  it('folds the stream and appends with the last revision read', async () => {
    const store = new InMemoryEventStoreTestDouble();
    const handler = handlerFor(store);
    await handler.handle('cart-1', { type: 'AddItem', sku: 'a', quantity: 2 });
    await handler.handle('cart-1', { type: 'AddItem', sku: 'b', quantity: 1 });
    const appendSpy = jest.spyOn(store, 'appendToStream');

    const result = await handler.handle('cart-1', { type: 'CheckOut', at: '2025-01-01T00:00:00Z' });

    expect(appendSpy).toHaveBeenCalledWith('cart-1', expect.any(Array), { expectedRevision: 1 });
    expect(result.events).toEqual([{ type: 'CheckedOut', data: { at: '2025-01-01T00:00:00Z', items: 3 } }]);
    expect(result).toMatchObject({ state: { status: 'checked_out', items: 3 }, revision: 2 });
  });

  it('appends nothing when the decider decides nothing', async () => {
    const store = new InMemoryEventStoreTestDouble();
    const result = await handlerFor(store).handle('cart-1', { type: 'AddItem', sku: 'a', quantity: 0 });
    expect(result).toEqual({ events: [], state: { status: 'open', items: 0 }, revision: undefined, position: undefined });
    expect(await store.readAll()).toEqual([]);
  });

  it('lets business errors through without appending', async () => {
    const store = new InMemoryEventStoreTestDouble();
    const handler = handlerFor(store);
    await handler.handle('cart-1', { type: 'AddItem', sku: 'a', quantity: 1 });
    await handler.handle('cart-1', { type: 'CheckOut', at: '2025-01-01T00:00:00Z' });
    await expect(handler.handle('cart-1', { type: 'AddItem', sku: 'b', quantity: 1 })).rejects.toBeInstanceOf(CartAlreadyCheckedOutError);
    expect(await store.readStream('cart-1')).toHaveLength(2);
  });

  it('re-reads and decides again when another writer got in between', async () => {
    const store = new InMemoryEventStoreTestDouble();
    const handler = handlerFor(store);
    await handler.handle('cart-1', { type: 'AddItem', sku: 'a', quantity: 1 });
    let competingWrites = 0;
    store.beforeAppend = async (stream) => {
      if (competingWrites++ > 0) return;
      store.beforeAppend = undefined;
      await store.appendToStream(stream, [{ id: '10000000-0000-4000-8000-000000000000', type: 'ItemAdded', data: { sku: 'z', quantity: 5 } }], {
        expectedRevision: 'any',
      });
    };
    const readSpy = jest.spyOn(store, 'readStream');

    const result = await handler.handle('cart-1', { type: 'CheckOut', at: '2025-01-01T00:00:00Z' });

    expect(readSpy).toHaveBeenCalledTimes(2);
    expect(result.events).toEqual([{ type: 'CheckedOut', data: { at: '2025-01-01T00:00:00Z', items: 6 } }]);
    expect((await store.readStream('cart-1')).map((e) => e.type)).toEqual(['ItemAdded', 'ItemAdded', 'CheckedOut']);
  });

  it('gives up with the concurrency error after maxAttempts', async () => {
    const store = new InMemoryEventStoreTestDouble();
    const handler = handlerFor(store, { maxAttempts: 3 });
    await handler.handle('cart-1', { type: 'AddItem', sku: 'a', quantity: 1 });
    let n = 0;
    store.beforeAppend = async (stream) => {
      const hook = store.beforeAppend;
      store.beforeAppend = undefined;
      await store.appendToStream(stream, [{ id: `20000000-0000-4000-8000-00000000000${n++}`, type: 'ItemAdded', data: { sku: 'z', quantity: 1 } }], {
        expectedRevision: 'any',
      });
      store.beforeAppend = hook;
    };
    const readSpy = jest.spyOn(store, 'readStream');

    await expect(handler.handle('cart-1', { type: 'AddItem', sku: 'b', quantity: 1 })).rejects.toBeInstanceOf(WrongExpectedRevisionError);
    expect(readSpy).toHaveBeenCalledTimes(3);
  });

  it('decodes stored events through the decode hook (upcasting)', async () => {
    const store = new InMemoryEventStoreTestDouble();
    await store.appendToStream('cart-1', [{ id: '30000000-0000-4000-8000-000000000000', type: 'ItemAddedV0', data: { sku: 'old' } }], {
      expectedRevision: 'no_stream',
    });
    const handler = handlerFor(store, {
      decode: (recorded) =>
        recorded.type === 'ItemAddedV0'
          ? { type: 'ItemAdded', data: { sku: (recorded.data as { sku: string }).sku, quantity: 4 } }
          : (recorded as unknown as CartEvent),
    });
    const result = await handler.handle('cart-1', { type: 'CheckOut', at: '2025-01-01T00:00:00Z' });
    expect(result.events[0].data).toEqual({ at: '2025-01-01T00:00:00Z', items: 4 });
  });

  it('passes command, event and index to the id supplier, so a redelivered command can reuse its ids', async () => {
    const store = new InMemoryEventStoreTestDouble();
    const eventId = jest.fn(() => '40000000-0000-4000-8000-000000000000');
    const handler = new CommandHandler({ store, decider: cartDecider, eventId });
    const command: CartCommand = { type: 'AddItem', sku: 'a', quantity: 1 };
    await handler.handle('cart-1', command);
    expect(eventId).toHaveBeenCalledWith({ command, event: { type: 'ItemAdded', data: { sku: 'a', quantity: 1 } }, index: 0 });
    // Same ids decided again on a later state are not a retry of the same append: the store refuses them.
    await expect(handler.handle('cart-1', command)).rejects.toBeInstanceOf(EventIdConflictError);
    expect(await store.readStream('cart-1')).toHaveLength(1);
  });

  it('refuses a non-positive maxAttempts', () => {
    expect(() => handlerFor(new InMemoryEventStoreTestDouble(), { maxAttempts: 0 })).toThrow(RangeError);
  });
});
