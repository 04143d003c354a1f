import { CLOCK, type Clock } from '@marketplace/kernel';
import { LOGGER, PLATFORM_CONFIG } from '@marketplace/platform';
import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { LedgerReadModel } from '../../ledger/infrastructure/ledger-read-model';
import type { PaymentsConfig } from '../../payments-config';
import { nextPayoutId } from '../domain/payout-ids';
import { PayoutsReadModel } from '../infrastructure/payouts-read-model';
import { LedgerFreshness } from './ledger-freshness';
import { PAYOUT_PROVIDER, type PayoutProviderPort } from './payout-provider';
import { PayoutStreams } from './payout-streams';

export interface ScheduledPayout {
  payoutId: string;
  sellerId: string;
  amount: { amount: number; currency: string };
}

/**
 * One payout pass: pays again what is still waiting for the provider, then schedules for each seller
 * and currency what is available (at least PAYOUT_MINIMUM) and pays it. The balance read comes from the
 * ledger once it has caught up; the payout is named by the count of payouts the same row holds, so a
 * pass reading a balance another pass already paid from names that same payout and schedules nothing.
 */
@Injectable()
export class PayoutScheduler {
  constructor(
    private readonly streams: PayoutStreams,
    private readonly ledger: LedgerReadModel,
    private readonly payouts: PayoutsReadModel,
    private readonly freshness: LedgerFreshness,
    @Inject(PAYOUT_PROVIDER) private readonly provider: PayoutProviderPort,
    @Inject(PLATFORM_CONFIG) private readonly config: PaymentsConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async pass(): Promise<ScheduledPayout[]> {
    for (const payout of await this.payouts.unanswered(100)) await this.pay(payout);
    await this.freshness.caughtUp();
    const scheduled: ScheduledPayout[] = [];
    for (const balance of await this.ledger.payable(this.config.PAYOUT_MINIMUM)) {
      const payout = { payoutId: nextPayoutId(balance.sellerId, balance.currency, balance.payoutsScheduled), sellerId: balance.sellerId, amount: { amount: balance.available, currency: balance.currency } };
      const events = await this.streams.handle({ type: 'SchedulePayout', ...payout, at: this.clock.now() });
      if (events.length === 0) continue;
      scheduled.push(payout);
      await this.pay(payout);
    }
    return scheduled;
  }

  /** The provider's answer through the decider; an unreachable provider leaves it for the next pass. */
  private async pay({ payoutId, sellerId, amount }: ScheduledPayout): Promise<void> {
    try {
      const outcome = await this.provider.pay({ payoutId, sellerId, amount, idempotencyKey: `payout-${payoutId}` });
      const at = this.clock.now();
      await this.streams.handle(
        outcome.kind === 'paid'
          ? { type: 'RecordPayoutPaid', payoutId, providerPayoutId: outcome.providerPayoutId, at }
          : { type: 'RecordPayoutFailed', payoutId, failureCode: outcome.failureCode, message: outcome.message, at },
      );
    } catch (error) {
      this.logger.warn({ err: error, payoutId, sellerId }, 'payout left scheduled: the provider did not answer; paid again on the next pass');
    }
  }
}
