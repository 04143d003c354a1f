import { CommandHandler, type EventStore, type RecordedEvent } from '@marketplace/event-store';
import { nameBasedId } from '@marketplace/kernel';
import { EVENT_STORE } from '@marketplace/platform';
import { Inject, Injectable } from '@nestjs/common';
import { assertPublishable } from '../../payments/infrastructure/published-events';
import type { PayoutCommand } from '../domain/payout-commands';
import { payoutDecider } from '../domain/payout-decider';
import { type PayoutEvent, payoutStream } from '../domain/payout-events';
import type { PayoutState } from '../domain/payout-state';

const decode = (recorded: RecordedEvent): PayoutEvent => ({ type: recorded.type, data: recorded.data }) as PayoutEvent;

/**
 * The payouts' streams: every command through the Payout decider at the revision read (retried on a
 * concurrent write); each event type happens once per payout, so its id derives from the two.
 */
@Injectable()
export class PayoutStreams {
  private readonly handler: CommandHandler<PayoutCommand, PayoutEvent, PayoutState>;

  constructor(@Inject(EVENT_STORE) store: EventStore) {
    this.handler = new CommandHandler({
      store,
      decider: { ...payoutDecider, decide: (command, state) => checked(payoutDecider.decide(command, state)) },
      eventId: ({ command, event }) => nameBasedId(command.payoutId, event.type),
      decode,
    });
  }

  /** Runs the command; returns the events it stored (none when it changed nothing). */
  async handle(command: PayoutCommand): Promise<PayoutEvent[]> {
    return (await this.handler.handle(payoutStream(command.payoutId), command)).events;
  }
}

function checked(events: PayoutEvent[]): PayoutEvent[] {
  assertPublishable(events);
  return events;
}
