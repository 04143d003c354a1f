import { Module } from '@nestjs/common';
import { LedgerOrderEventsController } from './api/ledger-order-events.controller';
import { SellerBalanceController } from './api/seller-balance.controller';
import { LedgerRecorder } from './application/ledger-recorder';
import { LedgerReadModel } from './infrastructure/ledger-read-model';

/**
 * The sellers' ledger: the orders facts it records from orders.order.v1, its balances for sellers. Its
 * projection runs with the payments' event sourcing (see payments-event-sourcing.ts).
 */
@Module({
  controllers: [LedgerOrderEventsController, SellerBalanceController],
  providers: [LedgerRecorder, LedgerReadModel],
  exports: [LedgerReadModel],
})
export class LedgerModule {}
