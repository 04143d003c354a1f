import type { EventStore, RecordedEvent } from '@marketplace/event-store';
import { EVENT_STORE } from '@marketplace/platform';
import { Inject, Injectable } from '@nestjs/common';
import { StreamCommands } from '../../shared/stream-commands';
import type { DisputeCommand } from '../domain/dispute-commands';
import { disputeDecider } from '../domain/dispute-decider';
import { DisputeNotFoundError } from '../domain/dispute-errors';
import type { DisputeEvent } from '../domain/dispute-events';
import type { ActiveDispute, DisputeState } from '../domain/dispute-state';

/** A dispute that exists, with the events it was folded from (its history). */
export interface ExistingDispute {
  state: ActiveDispute;
  events: RecordedEvent[];
}

/** The disputes' streams, `dispute-<disputeId>`. */
@Injectable()
export class DisputeStreams extends StreamCommands<DisputeCommand, DisputeEvent, DisputeState> {
  constructor(@Inject(EVENT_STORE) store: EventStore) {
    super(store, disputeDecider, 'dispute');
  }

  async existing(disputeId: string): Promise<ExistingDispute> {
    const events = await this.events(disputeId);
    const state = this.fold(events);
    if (state.status === 'none') throw new DisputeNotFoundError();
    return { state, events };
  }
}
