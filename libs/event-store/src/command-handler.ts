import type { Decider, DomainEvent } from './decider';
import { foldEvents } from './decider';
import { WrongExpectedRevisionError } from './errors';
import type { EventStore, ExpectedRevision, Position, RecordedEvent } from './port';

export interface CommandHandlerOptions<Command, Event extends DomainEvent, State> {
  store: EventStore;
  decider: Decider<Command, Event, State>;
  /**
   * Supplies the id of each new event, e.g. `randomUUID`, or ids derived from a command id so that a
   * retried command re-appends the same ids (a no-op in the store).
   */
  eventId: (context: { command: Command; event: Event; index: number }) => string;
  /** Turns a stored event back into a domain event; the place for upcasting old versions. Default: type and data as stored. */
  decode?: (recorded: RecordedEvent) => Event;
  /** Attempts in all when the stream moved between read and append. Default 5. */
  maxAttempts?: number;
}

export interface HandleOptions {
  /** Stored with every event of this command (correlation and causation ids, trace context, actor). */
  metadata?: Record<string, unknown>;
}

export interface CommandResult<Event extends DomainEvent, State> {
  /** The events this command appended (empty when the decider decided nothing). */
  events: Event[];
  state: State;
  /** Revision of the stream's last event, or undefined when the stream is still empty. */
  revision: number | undefined;
  /** Global position of the last appended event, when something was appended. */
  position: Position | undefined;
}

const DEFAULT_MAX_ATTEMPTS = 5;

/**
 * Read the stream, fold it, decide, append with the revision that was read; when another writer got in
 * between, start over from a fresh read, up to maxAttempts. Business errors from decide pass through.
 */
export class CommandHandler<Command, Event extends DomainEvent, State> {
  private readonly maxAttempts: number;
  private readonly decode: (recorded: RecordedEvent) => Event;

  constructor(private readonly options: CommandHandlerOptions<Command, Event, State>) {
    this.maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
    if (!Number.isInteger(this.maxAttempts) || this.maxAttempts < 1) throw new RangeError('maxAttempts must be a positive integer');
    this.decode = options.decode ?? ((recorded) => ({ type: recorded.type, data: recorded.data }) as Event);
  }

  async handle(stream: string, command: Command, options: HandleOptions = {}): Promise<CommandResult<Event, State>> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.attempt(stream, command, options);
      } catch (error) {
        if (!(error instanceof WrongExpectedRevisionError) || attempt >= this.maxAttempts) throw error;
      }
    }
  }

  private async attempt(stream: string, command: Command, options: HandleOptions): Promise<CommandResult<Event, State>> {
    const { store, decider, eventId } = this.options;
    const recorded = await store.readStream(stream);
    const state = foldEvents(decider, recorded.map(this.decode));
    const revision = recorded.length > 0 ? recorded[recorded.length - 1].revision : undefined;
    const events = decider.decide(command, state);
    if (events.length === 0) return { events, state, revision, position: undefined };

    const expectedRevision: ExpectedRevision = revision ?? 'no_stream';
    const result = await store.appendToStream(
      stream,
      events.map((event, index) => ({
        id: eventId({ command, event, index }),
        type: event.type,
        data: event.data,
        metadata: options.metadata,
      })),
      { expectedRevision },
    );
    return {
      events,
      state: foldEvents(decider, events, state),
      revision: result.nextExpectedRevision,
      position: result.position,
    };
  }
}
