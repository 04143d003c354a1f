import { randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { uniqueName, waitFor } from '@marketplace/testing';
import {
  type EventStore,
  type ExpectedRevision,
  type NewEvent,
  type Position,
  type RecordedEvent,
  WrongExpectedRevisionError,
  comparePositions,
} from '../src';

/** An append whose transaction stays open: it has its global position now and becomes visible on commit(). */
export interface HeldAppend {
  position: Position;
  commit(): Promise<void>;
}

export interface EventStoreContractFixture {
  store: EventStore;
  /**
   * Where the log can interleave writers (PostgreSQL), begins an append through the adapter's own write
   * path and holds its transaction open, so that it commits after appends with higher positions.
   */
  holdAppend?: (stream: string, events: NewEvent[], expectedRevision: ExpectedRevision) => Promise<HeldAppend>;
}

const newEvents = (count: number, type = 'ThingHappened'): NewEvent[] =>
  Array.from({ length: count }, (_, i) => ({ id: randomUUID(), type, data: { n: i, text: 'é✓' }, metadata: { source: 'contract' } }));

const ids = (events: { id: string }[]) => events.map((e) => e.id);

async function refusal(promise: Promise<unknown>): Promise<WrongExpectedRevisionError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WrongExpectedRevisionError);
  return error as WrongExpectedRevisionError;
}

function expectStrictlyIncreasing(events: RecordedEvent[]): void {
  for (let i = 1; i < events.length; i++) {
    if (comparePositions(events[i - 1].position, events[i].position) >= 0) {
      throw new Error(`Positions not increasing at ${i}: ${events[i - 1].position.prepare} then ${events[i].position.prepare}`);
    }
  }
}

/** The cases every EventStore adapter must pass; `fixture` is ready by the time the tests run. */
export function eventStoreContract(fixture: () => EventStoreContractFixture): void {
  const store = () => fixture().store;
  const streamName = (label: string) => uniqueName(`contract-${label}`);

  /**
   * The global log after `from` once `count` events of the given streams are in it. A log reader may trail
   * commits for a moment (PostgreSQL: while any older transaction on the server is still open).
   */
  const visibleLog = (from: Position | undefined, streamPrefix: string, count: number) =>
    waitFor(
      async () => {
        const log = await store().readAll({ fromPosition: from });
        return log.filter((e) => e.streamId.startsWith(streamPrefix)).length >= count ? log : undefined;
      },
      { timeoutMs: 20_000, description: `${count} events of ${streamPrefix} in the global log` },
    );

  describe('expected revision', () => {
    it('raises the typed concurrency error on a mismatch, in every mode, and writes nothing then', async () => {
      const s = streamName('expected');
      const append = (expectedRevision: ExpectedRevision) => store().appendToStream(s, newEvents(1), { expectedRevision });

      expect(await refusal(append('stream_exists'))).toMatchObject({ stream: s, expected: 'stream_exists', actual: 'no_stream' });
      expect(await refusal(append(0))).toMatchObject({ expected: 0, actual: 'no_stream' });
      expect((await append('no_stream')).nextExpectedRevision).toBe(0);
      expect(await refusal(append('no_stream'))).toMatchObject({ expected: 'no_stream', actual: 0 });
      expect(await refusal(append(5))).toMatchObject({ expected: 5, actual: 0 });
      expect((await append(0)).nextExpectedRevision).toBe(1);
      expect(await refusal(append(0))).toMatchObject({ expected: 0, actual: 1 });
      expect((await append('stream_exists')).nextExpectedRevision).toBe(2);
      expect((await append('any')).nextExpectedRevision).toBe(3);
      expect((await store().appendToStream(streamName('any'), newEvents(2), { expectedRevision: 'any' })).nextExpectedRevision).toBe(1);

      expect((await store().readStream(s)).map((e) => e.revision)).toEqual([0, 1, 2, 3]);
    });

    it('lets exactly one of 20 concurrent appenders with the same expected revision win, round after round', async () => {
      const s = streamName('race');
      const rounds = 5;
      const contenders = 20;
      let expected: ExpectedRevision = 'no_stream';
      const winners: string[] = [];
      for (let round = 0; round < rounds; round++) {
        const batches = Array.from({ length: contenders }, () => newEvents(2));
        const results = await Promise.allSettled(batches.map((events) => store().appendToStream(s, events, { expectedRevision: expected })));
        const won = results.flatMap((r, i) => (r.status === 'fulfilled' ? [{ i, value: r.value }] : []));
        const lost = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));

        expect(won).toHaveLength(1);
        expect(lost).toHaveLength(contenders - 1);
        const actual = round * 2 + 1;
        for (const error of lost) {
          expect(error).toBeInstanceOf(WrongExpectedRevisionError);
          expect(error).toMatchObject({ stream: s, expected, actual });
        }
        expect(won[0].value.nextExpectedRevision).toBe(actual);
        winners.push(...ids(batches[won[0].i]));
        expected = actual;
      }
      const stored = await store().readStream(s);
      expect(ids(stored)).toEqual(winners);
      expect(stored.map((e) => e.revision)).toEqual(Array.from({ length: rounds * 2 }, (_, i) => i));
    });
  });

  describe('idempotent appends', () => {
    it('treats re-appending events already in the stream as a no-op, with no duplicate anywhere', async () => {
      const s = streamName('idempotent');
      const before = await store().headPosition();
      const first = newEvents(2);
      const second = newEvents(1);

      const original = await store().appendToStream(s, first, { expectedRevision: 'no_stream' });
      const retried = await store().appendToStream(s, first, { expectedRevision: 'no_stream' });
      expect(retried.nextExpectedRevision).toBe(original.nextExpectedRevision);

      const next = await store().appendToStream(s, second, { expectedRevision: 1 });
      expect((await store().appendToStream(s, second, { expectedRevision: 1 })).nextExpectedRevision).toBe(next.nextExpectedRevision);
      expect((await store().appendToStream(s, second, { expectedRevision: 'any' })).nextExpectedRevision).toBe(next.nextExpectedRevision);
      // Still a retry once the stream has moved on: the events sit where that expected revision put them.
      await store().appendToStream(s, newEvents(1), { expectedRevision: 2 });
      expect((await store().appendToStream(s, first, { expectedRevision: 'no_stream' })).nextExpectedRevision).toBe(1);

      const stored = await store().readStream(s);
      expect(stored.map((e) => e.revision)).toEqual([0, 1, 2, 3]);
      expect(ids(stored).slice(0, 3)).toEqual([...ids(first), ...ids(second)]);
      const inLog = (await visibleLog(before, s, 4)).filter((e) => e.streamId === s);
      expect(ids(inLog)).toEqual(ids(stored));
    });
  });

  describe('readStream', () => {
    it('reads forwards and backwards, from a revision, up to maxCount', async () => {
      const s = streamName('read');
      const events = newEvents(5);
      await store().appendToStream(s, events.slice(0, 2), { expectedRevision: 'no_stream' });
      await store().appendToStream(s, events.slice(2), { expectedRevision: 1 });
      const revisions = async (options: Parameters<EventStore['readStream']>[1]) => (await store().readStream(s, options)).map((e) => e.revision);

      const all = await store().readStream(s);
      expect(ids(all)).toEqual(ids(events));
      expect(all[0]).toMatchObject({ streamId: s, revision: 0, type: 'ThingHappened', data: { n: 0, text: 'é✓' }, metadata: { source: 'contract' } });
      expect(all[0].recordedAt).toBeInstanceOf(Date);
      expect(await revisions({ from: 2 })).toEqual([2, 3, 4]);
      expect(await revisions({ maxCount: 2 })).toEqual([0, 1]);
      expect(await revisions({ from: 1, maxCount: 2 })).toEqual([1, 2]);
      expect(await revisions({ direction: 'backwards' })).toEqual([4, 3, 2, 1, 0]);
      expect(await revisions({ direction: 'backwards', from: 3, maxCount: 2 })).toEqual([3, 2]);
      expect(await revisions({ from: 9 })).toEqual([]);
      expect(await store().readStream(streamName('missing'))).toEqual([]);
    });
  });

  describe('readAll', () => {
    it('reads the global log in position order, strictly after fromPosition, up to maxCount', async () => {
      const prefix = streamName('all');
      const before = await store().headPosition();
      const written: string[] = [];
      for (let i = 0; i < 6; i++) {
        const events = newEvents(1 + (i % 2));
        await store().appendToStream(`${prefix}-${i % 3}`, events, { expectedRevision: 'any' });
        written.push(...ids(events));
      }
      const log = await visibleLog(before, prefix, written.length);
      expectStrictlyIncreasing(log);
      const ours = log.filter((e) => e.streamId.startsWith(prefix));
      expect(ids(ours)).toEqual(written);

      const after = await store().readAll({ fromPosition: ours[2].position });
      expect(after[0].id).toBe(ours[3].id);
      expect(after.every((e) => comparePositions(e.position, ours[2].position) > 0)).toBe(true);
      const page = await store().readAll({ fromPosition: ours[2].position, maxCount: 2 });
      expect(ids(page)).toEqual(ids(after.slice(0, 2)));

      const last = ours[ours.length - 1].position;
      await waitFor(async () => {
        const head = await store().headPosition();
        return head && comparePositions(head, last) >= 0;
      }, { description: 'the head position to reach the last append' });
    });
  });

  describe('subscribeToAll', () => {
    it('delivers every event exactly once to a tail reader while 12 writers append and transactions commit out of position order', async () => {
      const prefix = streamName('tail');
      const writers = 12;
      const appendsPerWriter = 20;
      const heldAppends = fixture().holdAppend ? 4 : 0;
      const received: RecordedEvent[] = [];
      const subscription = store().subscribeToAll({
        fromPosition: await store().headPosition(),
        filter: { streamPrefixes: [prefix] },
        onEvent: async (event) => {
          received.push(event);
        },
      });

      const appended: string[] = [];
      let highestCommitted = -1n;
      let committedOutOfOrder = 0;
      let heldSettled = 0;
      // Writers go on until every held append has seen later ones commit: on a quiet machine they could
      // otherwise finish before the last hold is placed, and it would wait for appends that never come.
      const writer = async (w: number) => {
        for (let j = 0; j < appendsPerWriter || heldSettled < heldAppends; j++) {
          const events = newEvents(j % 4 === 0 ? 3 : 1);
          const result = await store().appendToStream(`${prefix}-s${(w + j) % 5}`, events, { expectedRevision: 'any' });
          appended.push(...ids(events));
          if (result.position.prepare > highestCommitted) highestCommitted = result.position.prepare;
        }
      };
      const held = async (k: number) => {
        await delay(25 * k);
        const events = newEvents(2);
        const hold = fixture().holdAppend;
        if (!hold) return;
        try {
          const append = await hold(`${prefix}-held-${k}`, events, 'no_stream');
          appended.push(...ids(events));
          try {
            // Commit only after writers have committed events placed after this one.
            await waitFor(() => highestCommitted > append.position.prepare + 5n, { timeoutMs: 20_000, description: 'later appends to commit first' });
            committedOutOfOrder++;
          } finally {
            // Committed even on a timeout: an open append would hold every later reader of the log back.
            await append.commit();
          }
        } finally {
          heldSettled++;
        }
      };
      await Promise.all([
        ...Array.from({ length: writers }, (_, w) => writer(w)),
        ...Array.from({ length: heldAppends }, (_, k) => held(k)),
      ]);

      // On a timeout the assertions below say which events are missing.
      await waitFor(() => received.length >= appended.length, { timeoutMs: 20_000 }).catch(() => undefined);
      await delay(300); // room for a duplicate to show up
      await subscription.stop();
      await subscription.done;

      expect(committedOutOfOrder).toBe(heldAppends);
      expect(received).toHaveLength(appended.length);
      expect(new Set(ids(received))).toEqual(new Set(appended));
      expectStrictlyIncreasing(received);
    });

    it('catches up from a checkpoint and goes live with no gap and no duplicate at the switch', async () => {
      const prefix = streamName('catchup');
      const before = await store().headPosition();
      const appendMany = async (appends: number) => {
        for (let i = 0; i < appends; i++) {
          await store().appendToStream(`${prefix}-${i % 4}`, newEvents(3), { expectedRevision: 'any' });
        }
      };
      await appendMany(20);
      const existing = (await visibleLog(before, prefix, 60)).filter((e) => e.streamId.startsWith(prefix));
      const checkpoint = existing[14].position;

      const received: RecordedEvent[] = [];
      const subscription = store().subscribeToAll({
        fromPosition: checkpoint,
        filter: { streamPrefixes: [prefix] },
        onEvent: async (event) => {
          // Slow at first, so that more appends land while the subscription is still catching up.
          if (received.length < 20) await delay(5);
          received.push(event);
        },
      });
      await appendMany(10);
      await waitFor(() => received.length >= 45 + 30, { timeoutMs: 30_000, description: 'catch-up' });
      await appendMany(10);
      await waitFor(() => received.length >= 45 + 60, { timeoutMs: 30_000, description: 'live events' });
      await delay(300);
      await subscription.stop();

      const expected = (await visibleLog(checkpoint, prefix, 105)).filter((e) => e.streamId.startsWith(prefix));
      expect(expected).toHaveLength(105);
      expect(ids(received)).toEqual(ids(expected));
      expect(received[0].id).toBe(existing[15].id);
    });

    it('ends with the error thrown by onEvent, and delivers nothing after stop()', async () => {
      const prefix = streamName('sub-error');
      const from = await store().headPosition();
      await store().appendToStream(`${prefix}-a`, newEvents(3), { expectedRevision: 'no_stream' });

      const seen: number[] = [];
      const failing = store().subscribeToAll({
        fromPosition: from,
        filter: { streamPrefixes: [prefix] },
        onEvent: async (event) => {
          seen.push(event.revision);
          if (event.revision === 1) throw new Error('handler failed');
        },
      });
      await expect(failing.done).rejects.toThrow('handler failed');
      expect(seen).toEqual([0, 1]);

      const late: RecordedEvent[] = [];
      const stopped = store().subscribeToAll({ fromPosition: from, filter: { streamPrefixes: [prefix] }, onEvent: async (e) => void late.push(e) });
      await waitFor(() => late.length === 3, { description: 'the first three events' });
      await stopped.stop();
      await expect(stopped.done).resolves.toBeUndefined();
      await store().appendToStream(`${prefix}-a`, newEvents(1), { expectedRevision: 2 });
      await delay(300);
      expect(late).toHaveLength(3);
    });
  });
}
