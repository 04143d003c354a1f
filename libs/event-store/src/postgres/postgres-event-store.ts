import { Pool } from 'pg';
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
import { AppendNotifier } from './append-notifier';
import { appendError, appendQuery, appendResultFromRows, isEventIdCollision, retryQuery } from './append-statement';
import { readGlobalLog, readHeadPosition } from './global-log-reader';
import { GlobalLogSubscription, type GlobalLogSubscriptionSettings } from './global-log-subscription';
import { EVENT_COLUMNS, type EventRow, recordedEventFromRow } from './row-mapping';
import { migrateEventStore } from './schema';
import { type SqlNames, sqlNames } from './sql-names';

export interface PostgresEventStoreOptions {
  /** A pool shared with the rest of the service (left open by close()); or give connectionString. */
  pool?: Pool;
  /** Used to open a pool of the store's own when no pool is given. */
  connectionString?: string;
  /** The schema holding the store's tables; each service owns one (e.g. `orders`). */
  schema?: string;
  subscription?: Partial<GlobalLogSubscriptionSettings>;
}

const DEFAULT_SCHEMA = 'event_store';
const DEFAULT_SUBSCRIPTION: GlobalLogSubscriptionSettings = { batchSize: 500, pollIntervalMs: 500 };

/** The default event store: one schema of PostgreSQL, written through a single append function. */
export class PostgresEventStore implements EventStore {
  private readonly pool: Pool;
  private readonly ownsPool: boolean;
  private readonly names: SqlNames;
  private readonly subscriptionSettings: GlobalLogSubscriptionSettings;
  private readonly subscriptions = new Set<Subscription>();
  private readonly notifier: AppendNotifier;

  constructor(options: PostgresEventStoreOptions) {
    this.names = sqlNames(options.schema ?? DEFAULT_SCHEMA);
    if (options.pool) {
      this.pool = options.pool;
      this.ownsPool = false;
    } else if (options.connectionString) {
      this.pool = new Pool({ connectionString: options.connectionString });
      // An idle connection dropped by the server must not crash the process; the next query reports it.
      this.pool.on('error', () => undefined);
      this.ownsPool = true;
    } else {
      throw new TypeError('PostgresEventStore needs a pool or a connectionString');
    }
    this.subscriptionSettings = { ...DEFAULT_SUBSCRIPTION, ...options.subscription };
    this.notifier = new AppendNotifier(this.pool, this.names.channel);
  }

  /** Creates the schema, tables and append function when missing; safe to call from every starting process. */
  migrate(): Promise<void> {
    return migrateEventStore(this.pool, this.names);
  }

  async appendToStream(stream: string, events: NewEvent[], options: AppendOptions): Promise<AppendResult> {
    validateAppend(stream, events, options.expectedRevision);
    try {
      const { rows } = await this.pool.query(appendQuery(this.names, stream, events, options.expectedRevision));
      const result = appendResultFromRows(rows);
      this.notifier.afterAppend();
      return result;
    } catch (error) {
      if (isEventIdCollision(error)) return this.retriedAppend(stream, events, options.expectedRevision, error);
      throw appendError(error, stream, options.expectedRevision);
    }
  }

  /** An append that ran into ids already in the stream: the original result of an exact retry, or the conflict. */
  private async retriedAppend(stream: string, events: NewEvent[], expectedRevision: ExpectedRevision, collision: unknown): Promise<AppendResult> {
    try {
      const { rows } = await this.pool.query(retryQuery(this.names, stream, events, expectedRevision));
      if (rows.length === 0) throw collision;
      return appendResultFromRows(rows);
    } catch (error) {
      throw appendError(error, stream, expectedRevision);
    }
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    validateReadStream(stream, options);
    const backwards = options.direction === 'backwards';
    const values: unknown[] = [stream];
    let fromClause = '';
    if (options.from !== undefined) {
      values.push(options.from);
      fromClause = `AND revision ${backwards ? '<=' : '>='} $2`;
    }
    values.push(options.maxCount ?? null);
    const { rows } = await this.pool.query<EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM ${this.names.events}
        WHERE stream_id = $1 ${fromClause}
        ORDER BY revision ${backwards ? 'DESC' : 'ASC'}
        LIMIT $${values.length}`,
      values,
    );
    return rows.map(recordedEventFromRow);
  }

  readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    validateMaxCount(options.maxCount);
    return readGlobalLog(this.pool, this.names, options.fromPosition, options.maxCount ?? null);
  }

  subscribeToAll(options: SubscribeToAllOptions): Subscription {
    const subscription = new GlobalLogSubscription(this.pool, this.names, this.subscriptionSettings, options);
    this.subscriptions.add(subscription);
    void subscription.done.finally(() => this.subscriptions.delete(subscription)).catch(() => undefined);
    return subscription;
  }

  headPosition(): Promise<Position | undefined> {
    return readHeadPosition(this.pool, this.names);
  }

  /** Stops this store's subscriptions, and ends its pool when it opened one. */
  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((s) => s.stop()));
    if (this.ownsPool) await this.pool.end();
  }
}
