import { InMemoryEventStoreTestDouble, InvalidEventStoreRequestError, type NewEvent, comparePositions, formatPosition, parsePosition } from '../src';

const id = '50000000-0000-4000-8000-000000000000';
const event: NewEvent = { id, type: 'Happened', data: {} };

describe('append and read validation (shared by every adapter)', () => {
  const store = new InMemoryEventStoreTestDouble();
  const badAppends: [string, () => Promise<unknown>, string][] = [
    ['empty stream name', () => store.appendToStream('', [event], { expectedRevision: 'any' }), 'stream'],
    ['system stream name', () => store.appendToStream('$all', [event], { expectedRevision: 'any' }), 'stream'],
    ['no events', () => store.appendToStream('s', [], { expectedRevision: 'any' }), 'events'],
    ['non-uuid id', () => store.appendToStream('s', [{ ...event, id: 'nope' }], { expectedRevision: 'any' }), 'events[0].id'],
    ['id twice in one append', () => store.appendToStream('s', [event, { ...event }], { expectedRevision: 'any' }), 'events[1].id'],
    ['missing type', () => store.appendToStream('s', [{ ...event, type: '' }], { expectedRevision: 'any' }), 'events[0].type'],
    ['missing data', () => store.appendToStream('s', [{ ...event, data: undefined }], { expectedRevision: 'any' }), 'events[0].data'],
    ['array metadata', () => store.appendToStream('s', [{ ...event, metadata: [] as unknown as Record<string, unknown> }], { expectedRevision: 'any' }), 'events[0].metadata'],
    ['negative revision', () => store.appendToStream('s', [event], { expectedRevision: -1 }), 'expectedRevision'],
    ['unknown revision mode', () => store.appendToStream('s', [event], { expectedRevision: 'latest' as never }), 'expectedRevision'],
    ['fractional from', () => store.readStream('s', { from: 1.5 }), 'from'],
    ['negative maxCount', () => store.readAll({ maxCount: -1 }), 'maxCount'],
    ['unknown direction', () => store.readStream('s', { direction: 'sideways' as never }), 'direction'],
  ];

  it.each(badAppends)('refuses %s with a typed error naming the field', async (_name, call, field) => {
    const error = await call().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidEventStoreRequestError);
    expect(error).toMatchObject({ field, code: 'INVALID_EVENT_STORE_REQUEST' });
  });
});

describe('positions', () => {
  it('compare by commit, then prepare', () => {
    expect(comparePositions({ commit: 1n, prepare: 9n }, { commit: 2n, prepare: 1n })).toBe(-1);
    expect(comparePositions({ commit: 2n, prepare: 3n }, { commit: 2n, prepare: 1n })).toBe(1);
    expect(comparePositions({ commit: 2n, prepare: 3n }, { commit: 2n, prepare: 3n })).toBe(0);
  });

  it('round-trip through text and refuse anything else', () => {
    const position = { commit: 18446744073709551615n, prepare: 42n };
    expect(parsePosition(formatPosition(position))).toEqual(position);
    expect(() => parsePosition('12')).toThrow(InvalidEventStoreRequestError);
  });
});
