import {
  BACKWARDS,
  END,
  FORWARDS,
  KurrentDBClient,
  START,
  StreamNotFoundError,
  WrongExpectedVersionError,
  excludeSystemEvents,
} from '@kurrent/kurrentdb-client';
import { WrongExpectedRevisionError } from '../errors';
import { comparePositions } from '../position';
import type {
  AppendOptions,
  AppendResult,
  EventStore,
  NewEvent,
  Position,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeToAllOptions,
  Subscription,
} from '../port';
import { validateAppend, validateMaxCount, validateReadStream } from '../request-validation';
import { KurrentDBSubscription } from './kurrentdb-subscription';
import { fromResolvedEvent, toActualRevision, toEventData, toStreamState } from './kurrentdb-mapping';

export interface KurrentDBEventStoreOptions {
  /** e.g. `kurrentdb://localhost:2113?tls=false` */
  connectionString: string;
}

/** The event store on KurrentDB (EventStoreDB's successor): streams and $all are the server's own. */
export class KurrentDBEventStore implements EventStore {
  private readonly client: KurrentDBClient;
  private readonly subscriptions = new Set<Subscription>();

  constructor(options: KurrentDBEventStoreOptions) {
    this.client = KurrentDBClient.connectionString(options.connectionString);
  }

  async appendToStream(stream: string, events: NewEvent[], options: AppendOptions): Promise<AppendResult> {
    validateAppend(stream, events, options.expectedRevision);
    try {
      const result = await this.client.appendToStream(stream, events.map(toEventData), {
        streamState: toStreamState(options.expectedRevision),
      });
      const nextExpectedRevision = Number(result.nextExpectedRevision);
      return { nextExpectedRevision, position: result.position ?? (await this.positionOf(stream, nextExpectedRevision)) };
    } catch (error) {
      if (error instanceof WrongExpectedVersionError) {
        throw new WrongExpectedRevisionError(stream, options.expectedRevision, toActualRevision(error.actualState));
      }
      throw error;
    }
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    validateReadStream(stream, options);
    if (options.maxCount === 0) return [];
    const backwards = options.direction === 'backwards';
    const events: RecordedEvent[] = [];
    try {
      const reader = this.client.readStream(stream, {
        direction: backwards ? BACKWARDS : FORWARDS,
        fromRevision: options.from !== undefined ? BigInt(options.from) : backwards ? END : START,
        maxCount: options.maxCount ?? Number.MAX_SAFE_INTEGER,
      });
      for await (const resolved of reader) {
        const event = fromResolvedEvent(resolved);
        if (event) events.push(event);
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
    return events;
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    validateMaxCount(options.maxCount);
    const limit = options.maxCount ?? Number.MAX_SAFE_INTEGER;
    if (limit === 0) return [];
    const from = options.fromPosition;
    const events: RecordedEvent[] = [];
    // The port's fromPosition is exclusive; read one more in case the server includes the event at it.
    const reader = this.client.readAll({
      fromPosition: from ?? START,
      maxCount: from && limit < Number.MAX_SAFE_INTEGER ? limit + 1 : limit,
      filter: excludeSystemEvents(),
    });
    for await (const resolved of reader) {
      const event = fromResolvedEvent(resolved);
      if (!event || (from && comparePositions(event.position, from) <= 0)) continue;
      events.push(event);
      if (events.length === limit) break;
    }
    return events;
  }

  subscribeToAll(options: SubscribeToAllOptions): Subscription {
    const subscription = new KurrentDBSubscription(this.client, options);
    this.subscriptions.add(subscription);
    void subscription.done.finally(() => this.subscriptions.delete(subscription)).catch(() => undefined);
    return subscription;
  }

  async headPosition(): Promise<Position | undefined> {
    const reader = this.client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 1, filter: excludeSystemEvents() });
    for await (const resolved of reader) {
      const event = fromResolvedEvent(resolved);
      if (event) return event.position;
    }
    return undefined;
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((s) => s.stop()));
    await this.client.dispose();
  }

  private async positionOf(stream: string, revision: number): Promise<Position> {
    const [event] = await this.readStream(stream, { from: revision, maxCount: 1 });
    return event.position;
  }
}
