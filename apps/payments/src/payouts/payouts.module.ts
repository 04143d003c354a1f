import { Module } from '@nestjs/common';
import { LedgerModule } from '../ledger/ledger.module';
import { AdminPayoutsController } from './api/admin-payouts.controller';
import { SellerPayoutsController } from './api/seller-payouts.controller';
import { LedgerFreshness } from './application/ledger-freshness';
import { PayoutLoop } from './application/payout-loop';
import { PAYOUT_PROVIDER } from './application/payout-provider';
import { PayoutScheduler } from './application/payout-scheduler';
import { PayoutStreams } from './application/payout-streams';
import { PayoutsReadModel } from './infrastructure/payouts-read-model';
import { SimulatedPayoutProvider } from './infrastructure/simulated-payout-provider';

/** Payouts of the sellers' available balances (streams `payout-<id>`), through the payout provider (simulated). */
@Module({
  imports: [LedgerModule],
  controllers: [AdminPayoutsController, SellerPayoutsController],
  providers: [
    { provide: PAYOUT_PROVIDER, useClass: SimulatedPayoutProvider },
    PayoutStreams,
    PayoutScheduler,
    PayoutLoop,
    LedgerFreshness,
    PayoutsReadModel,
  ],
})
export class PayoutsModule {}
