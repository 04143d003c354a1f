import type { ChargebackClosed, ChargebackOpened } from '@marketplace/contracts';
import { nameBasedId } from '@marketplace/kernel';
import { Injectable } from '@nestjs/common';
import { OrderStreams } from '../../orders/application/order-streams';
import type { CommandContext } from '../../shared/command-context';
import { disputedLines } from '../domain/disputed-lines';
import { DisputeSteps } from './dispute-steps';
import { DisputeStreams } from './dispute-streams';

/** Namespace of chargeback cases' dispute ids, derived from the chargeback: a redelivery finds the same case. */
const CASE_IDS = '8c2e4a6b-0d1f-4e3a-b5c7-9e1f3a5b7d90';

export const chargebackCaseId = (chargebackId: string) => nameBasedId(CASE_IDS, chargebackId);

/**
 * Payments' chargebacks as admin cases: opened on every line of the order (held whatever the window or
 * other disputes), closed with the chargeback. A redelivered event finds its work done and does nothing.
 */
@Injectable()
export class ChargebackCasesService {
  constructor(
    private readonly orders: OrderStreams,
    private readonly disputes: DisputeStreams,
    private readonly steps: DisputeSteps,
  ) {}

  async open(chargeback: ChargebackOpened, context: CommandContext): Promise<void> {
    const { chargebackId, paymentId, orderId, provider, reason, openedAt } = chargeback;
    if (!(await this.orders.exists(orderId))) return;
    const { order } = (await this.orders.existing(orderId)).state;
    const disputeId = chargebackCaseId(chargebackId);
    const productIds = order.lines.map((line) => line.productId);
    await this.orders.execute(orderId, { type: 'HoldLinesForDispute', disputeId, by: 'chargeback', productIds, windowMs: 0, at: openedAt }, context);
    const opened = {
      disputeId,
      orderId,
      buyerId: order.buyerId,
      paymentId,
      kind: 'chargeback' as const,
      lines: disputedLines(order),
      reason: 'chargeback' as const,
      description: `${provider} chargeback: ${reason}`,
      chargebackId,
      openedAt,
    };
    await this.disputes.execute(disputeId, { type: 'OpenDispute', opened }, context);
  }

  async close(chargeback: ChargebackClosed, context: CommandContext): Promise<void> {
    const disputeId = chargebackCaseId(chargeback.chargebackId);
    if (!(await this.disputes.exists(disputeId))) return;
    await this.steps.run(disputeId, { type: 'CloseChargebackCase', outcome: chargeback.outcome, at: chargeback.closedAt }, context);
  }
}
