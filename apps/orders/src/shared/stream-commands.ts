import { CommandHandler, type CommandResult, type Decider, type DomainEvent, type EventStore, foldEvents, type RecordedEvent } from '@marketplace/event-store';
import { nameBasedId } from '@marketplace/kernel';
import { type CommandContext, eventMetadata } from './command-context';

/** Namespace of the ids of events orders appends (UUID v5 of stream, command id and position). */
const EVENT_IDS = '0b5d4f4e-6c8e-4a55-9f57-3f0c9a1d2e71';

/**
 * A decider's streams `<category>-<id>`: commands run through the event store's CommandHandler (read,
 * fold, decide, append with the expected revision, retry on conflict), with event ids derived from the
 * command's context; reads fold the stream, up to an instant if asked.
 */
export class StreamCommands<Command, Event extends DomainEvent, State> {
  constructor(
    private readonly store: EventStore,
    private readonly decider: Decider<Command, Event, State>,
    private readonly category: string,
  ) {}

  stream(id: string): string {
    return `${this.category}-${id}`;
  }

  execute(id: string, command: Command, context: CommandContext): Promise<CommandResult<Event, State>> {
    const stream = this.stream(id);
    const handler = new CommandHandler({
      store: this.store,
      decider: this.decider,
      eventId: ({ index }) => nameBasedId(EVENT_IDS, `${stream}/${context.commandId}/${index}`),
    });
    return handler.handle(stream, command, { metadata: eventMetadata(context) });
  }

  /** Whether the stream has any event: one row read, not the stream. */
  async exists(id: string): Promise<boolean> {
    return (await this.store.readStream(this.stream(id), { maxCount: 1 })).length > 0;
  }

  /** The stream's events (those recorded at or before `asOf` when given). */
  async events(id: string, asOf?: Date): Promise<RecordedEvent[]> {
    const events = await this.store.readStream(this.stream(id));
    return asOf ? events.filter((event) => event.recordedAt.getTime() <= asOf.getTime()) : events;
  }

  fold(events: readonly RecordedEvent[]): State {
    return foldEvents(this.decider, events.map((event) => ({ type: event.type, data: event.data }) as Event));
  }
}
