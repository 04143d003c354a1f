import { Injectable } from '@nestjs/common';
import { OrderStreams } from '../../orders/application/order-streams';
import type { CommandContext } from '../../shared/command-context';
import { orderCommandFor } from '../domain/checkout-commands';
import type { CheckoutEvent } from '../domain/checkout-events';
import type { CheckoutInput } from '../domain/checkout-inputs';
import { CheckoutStreams } from './checkout-streams';

export type CheckoutOutcome = 'decided' | 'redispatched' | 'ignored' | 'unknown_order';

/**
 * Runs one input through the checkout: its decision is appended to `checkout-<orderId>` first (the
 * serialisation point between concurrent inputs), then carried out on the order. An input already
 * recorded carries out its recorded decisions again, which the order's status guards make a no-op if
 * they were carried out before: a crash between the two appends loses no step.
 */
@Injectable()
export class CheckoutService {
  constructor(
    private readonly checkouts: CheckoutStreams,
    private readonly orders: OrderStreams,
  ) {}

  async handle(input: CheckoutInput, correlationId: string): Promise<CheckoutOutcome> {
    // Other deployments' orders can share the topics; only this service's orders have a checkout here.
    if (!(await this.orders.exists(input.orderId))) return 'unknown_order';
    const context: CommandContext = { commandId: `input/${input.inputId}`, actor: { kind: 'system' }, correlationId, causationId: input.inputId };
    const { events, state } = await this.checkouts.execute(input.orderId, input, context);
    if (events.length > 0) {
      await this.carryOut(events, context);
      return 'decided';
    }
    if (!state.inputIds.includes(input.inputId)) return 'ignored';
    const recorded = (await this.checkouts.events(input.orderId)).filter((event) => (event.data as { inputId?: string }).inputId === input.inputId);
    await this.carryOut(
      recorded.map((event) => ({ type: event.type, data: event.data }) as CheckoutEvent),
      context,
    );
    return 'redispatched';
  }

  private async carryOut(decisions: readonly CheckoutEvent[], context: CommandContext): Promise<void> {
    for (const decision of decisions) await this.orders.execute(decision.data.orderId, orderCommandFor(decision), context);
  }
}
