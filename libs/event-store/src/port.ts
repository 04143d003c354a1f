/**
 * The event store port. Both adapters (PostgreSQL, KurrentDB) implement it and pass one contract suite.
 */

/** Expected state of the stream before an append; a mismatch raises WrongExpectedRevisionError. */
export type ExpectedRevision = number | 'no_stream' | 'stream_exists' | 'any';

/**
 * A place in the global log. Mirrors KurrentDB's {commit, prepare}; the PostgreSQL adapter uses the
 * committing transaction id as `commit` and the global sequence number as `prepare`, and reads in
 * (commit, prepare) order so that a late-committing transaction is never skipped.
 */
export interface Position {
  commit: bigint;
  prepare: bigint;
}

export interface NewEvent<TType extends string = string, TData = unknown> {
  /** Caller-chosen id (UUID); re-appending an id already in the stream is a no-op. */
  id: string;
  type: TType;
  data: TData;
  metadata?: Record<string, unknown>;
}

export interface RecordedEvent<TType extends string = string, TData = unknown> extends NewEvent<TType, TData> {
  streamId: string;
  /** 0-based position of the event in its stream. */
  revision: number;
  position: Position;
  recordedAt: Date;
  metadata: Record<string, unknown>;
}

export interface AppendOptions {
  expectedRevision: ExpectedRevision;
}

export interface AppendResult {
  /** Revision of the last event in the stream after the append. */
  nextExpectedRevision: number;
  /** Position of the last event written (or already present, for a no-op append). */
  position: Position;
}

export interface ReadStreamOptions {
  /** Revision to start from (inclusive); default 0 forwards, end backwards. */
  from?: number;
  direction?: 'forwards' | 'backwards';
  maxCount?: number;
}

export interface ReadAllOptions {
  /** Exclusive: events strictly after this position; undefined = from the start. */
  fromPosition?: Position;
  maxCount?: number;
}

export interface SubscribeToAllOptions {
  /** Exclusive checkpoint: delivery starts strictly after it; undefined = from the start. */
  fromPosition?: Position;
  /** Called once per event, in global order, one at a time; a throw stops the subscription. */
  onEvent: (event: RecordedEvent) => Promise<void>;
  /** Optional filter on event type prefix, to skip system or foreign events. */
  filter?: { streamPrefixes?: string[]; eventTypePrefixes?: string[] };
  signal?: AbortSignal;
}

export interface Subscription {
  /** Resolves when the subscription stops (after stop() or an error in onEvent; rejects with that error). */
  readonly done: Promise<void>;
  stop(): Promise<void>;
}

export interface EventStore {
  appendToStream(stream: string, events: NewEvent[], options: AppendOptions): Promise<AppendResult>;
  readStream(stream: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  subscribeToAll(options: SubscribeToAllOptions): Subscription;
  /** Position of the newest committed event (for lag: a reader is caught up once it has read it); undefined when the log is empty. */
  headPosition(): Promise<Position | undefined>;
  close(): Promise<void>;
}
