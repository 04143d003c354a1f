import { CommandHandler, type EventStore, foldEvents, type RecordedEvent } from '@marketplace/event-store';
import { nameBasedId } from '@marketplace/kernel';
import { EVENT_STORE, LOGGER } from '@marketplace/platform';
import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { eventKey } from '../domain/event-keys';
import type { PaymentCommand } from '../domain/payment-commands';
import { paymentDecider } from '../domain/payment-decider';
import { type PaymentEvent, paymentStream } from '../domain/payment-events';
import type { PaymentState } from '../domain/payment-state';
import { assertPublishable } from '../infrastructure/published-events';
import { paymentLogLine } from './payment-log-lines';

/** Correlation and causation of a command, stored with its events (the relay copies them onto the CloudEvents). */
export type CommandCause = Record<string, string>;

const decode = (recorded: RecordedEvent): PaymentEvent => ({ type: recorded.type, data: recorded.data }) as PaymentEvent;

/**
 * The payments' event streams: every command goes through the Payment decider (read, fold, decide,
 * append at the revision read, retry on a concurrent write). Event ids derive from the payment id and
 * the event's key, so a step retried after a crash re-appends the same ids, which the store ignores.
 */
@Injectable()
export class PaymentStreams {
  private readonly handler: CommandHandler<PaymentCommand, PaymentEvent, PaymentState>;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.handler = new CommandHandler({
      store,
      decider: { ...paymentDecider, decide: (command, state) => checked(paymentDecider.decide(command, state)) },
      eventId: ({ command, event }) => nameBasedId(command.paymentId, eventKey(event)),
      decode,
    });
  }

  async load(paymentId: string): Promise<PaymentState> {
    return foldEvents(paymentDecider, (await this.store.readStream(paymentStream(paymentId))).map(decode));
  }

  /** Runs the command; returns the payment's state after it. */
  async handle(command: PaymentCommand, cause: CommandCause = {}): Promise<PaymentState> {
    const { events, state } = await this.handler.handle(paymentStream(command.paymentId), command, { metadata: cause });
    for (const event of events) {
      if (event.type === 'PaymentAnomalyDetected') this.logger.warn({ anomaly: event.data }, 'payment anomaly: a provider report was not applied; an admin must look');
      const line = paymentLogLine(event);
      if (line) this.logger.info(line.fields, line.msg);
    }
    return state;
  }
}

function checked(events: PaymentEvent[]): PaymentEvent[] {
  assertPublishable(events);
  return events;
}
