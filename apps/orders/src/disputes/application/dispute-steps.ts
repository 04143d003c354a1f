import { Injectable } from '@nestjs/common';
import { OrderStreams } from '../../orders/application/order-streams';
import type { CommandContext } from '../../shared/command-context';
import type { DisputeCommand } from '../domain/dispute-commands';
import { disputeDecider } from '../domain/dispute-decider';
import type { ActiveDispute } from '../domain/dispute-state';
import { DisputeStreams } from './dispute-streams';

/**
 * Runs a command on an open dispute. One that ends it first releases the order's hold on its lines (the
 * order is the serialisation point of the holds), then appends the resolution: a retry after a crash
 * between the two finds the hold released (a no-op) and resolves; the decision is checked against the
 * dispute before anything is written, so a refused command writes nothing.
 */
@Injectable()
export class DisputeSteps {
  constructor(
    private readonly disputes: DisputeStreams,
    private readonly orders: OrderStreams,
  ) {}

  async run(disputeId: string, command: DisputeCommand, context: CommandContext): Promise<ActiveDispute> {
    const { state } = await this.disputes.existing(disputeId);
    const resolution = disputeDecider.decide(command, state).find((event) => event.type === 'DisputeResolved');
    if (resolution?.type === 'DisputeResolved') {
      const release = { type: 'ReleaseDisputeHold', disputeId, at: resolution.data.resolvedAt } as const;
      await this.orders.execute(state.opened.orderId, release, { ...context, commandId: `release/${disputeId}` });
    }
    const after = await this.disputes.execute(disputeId, command, context);
    return after.state as ActiveDispute;
  }
}
