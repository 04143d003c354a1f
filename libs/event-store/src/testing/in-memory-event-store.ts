import { EventIdConflictError, WrongExpectedRevisionError } from '../errors';
import { comparePositions } from '../position';
import type {
  AppendOptions,
  AppendResult,
  EventStore,
  ExpectedRevision,
  NewEvent,
  Position,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeToAllOptions,
  Subscription,
} from '../port';
import { validateAppend, validateMaxCount, validateReadStream } from '../request-validation';
import { matchesFilter } from '../subscription-filter';

/**
 * A unit-test double of the EventStore port, held in memory. It follows the port's rules (expected
 * revision, idempotent retries, exclusive positions) so that handler logic can be tested without a
 * database; it is not an adapter and must never back a running service.
 */
export class InMemoryEventStoreTestDouble implements EventStore {
  private readonly log: RecordedEvent[] = [];
  private readonly streams = new Map<string, RecordedEvent[]>();
  private readonly listeners = new Set<() => void>();
  private readonly subscriptions = new Set<Subscription>();
  /** Optional hook run before each append is applied, to let a test interleave a competing writer. */
  beforeAppend?: (stream: string) => Promise<void>;

  constructor(private readonly now: () => Date = () => new Date(0)) {}

  async appendToStream(stream: string, events: NewEvent[], options: AppendOptions): Promise<AppendResult> {
    validateAppend(stream, events, options.expectedRevision);
    await this.beforeAppend?.(stream);
    const existing = this.streams.get(stream) ?? [];
    const duplicate = this.exactRetry(stream, existing, events, options.expectedRevision);
    if (duplicate) return duplicate;

    const actual = existing.length - 1;
    const expected = options.expectedRevision;
    const mismatch =
      (expected === 'no_stream' && actual !== -1) ||
      (expected === 'stream_exists' && actual === -1) ||
      (typeof expected === 'number' && expected !== actual);
    if (mismatch) throw new WrongExpectedRevisionError(stream, expected, actual < 0 ? 'no_stream' : actual);

    const recorded = events.map((event, index): RecordedEvent => {
      const sequence = BigInt(this.log.length + index + 1);
      return {
        id: event.id,
        type: event.type,
        data: structuredClone(event.data),
        metadata: structuredClone(event.metadata ?? {}),
        streamId: stream,
        revision: actual + 1 + index,
        position: { commit: sequence, prepare: sequence },
        recordedAt: this.now(),
      };
    });
    this.streams.set(stream, [...existing, ...recorded]);
    this.log.push(...recorded);
    this.listeners.forEach((wake) => wake());
    const last = recorded[recorded.length - 1];
    return { nextExpectedRevision: last.revision, position: last.position };
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    validateReadStream(stream, options);
    const events = this.streams.get(stream) ?? [];
    const ordered =
      options.direction === 'backwards'
        ? [...events].reverse().filter((e) => options.from === undefined || e.revision <= options.from)
        : events.filter((e) => e.revision >= (options.from ?? 0));
    return ordered.slice(0, options.maxCount ?? ordered.length);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    validateMaxCount(options.maxCount);
    const from = options.fromPosition;
    const after = from ? this.log.filter((e) => comparePositions(e.position, from) > 0) : this.log;
    return after.slice(0, options.maxCount ?? after.length);
  }

  subscribeToAll(options: SubscribeToAllOptions): Subscription {
    let stopped = false;
    let wake: () => void = () => undefined;
    const listener = () => wake();
    this.listeners.add(listener);
    const run = async () => {
      let checkpoint = options.fromPosition;
      try {
        while (!stopped) {
          const batch = await this.readAll({ fromPosition: checkpoint });
          for (const event of batch) {
            if (stopped) return;
            if (matchesFilter(options.filter, event)) await options.onEvent(event);
            checkpoint = event.position;
          }
          if (batch.length === 0 && !stopped) await new Promise<void>((resolve) => (wake = resolve));
        }
      } finally {
        this.listeners.delete(listener);
      }
    };
    const done = run();
    const stop = async () => {
      stopped = true;
      wake();
      await done.catch(() => undefined);
    };
    options.signal?.addEventListener('abort', () => void stop(), { once: true });
    const subscription = { done, stop };
    this.subscriptions.add(subscription);
    return subscription;
  }

  async headPosition(): Promise<Position | undefined> {
    return this.log[this.log.length - 1]?.position;
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((s) => s.stop()));
  }

  private exactRetry(stream: string, existing: RecordedEvent[], events: NewEvent[], expected: ExpectedRevision): AppendResult | undefined {
    const ids = new Set(events.map((e) => e.id.toLowerCase()));
    const found = existing.filter((e) => ids.has(e.id.toLowerCase()));
    if (found.length === 0) return undefined;
    const first = found[0].revision;
    const expectedFirst = expected === 'no_stream' ? 0 : typeof expected === 'number' ? expected + 1 : first;
    const inPlace =
      first === expectedFirst &&
      found.length === events.length &&
      events.every((e, i) => existing[first + i]?.id.toLowerCase() === e.id.toLowerCase());
    if (!inPlace) throw new EventIdConflictError(stream, found.map((e) => e.id));
    const last = existing[first + events.length - 1];
    return { nextExpectedRevision: last.revision, position: last.position };
  }
}
