import { Module } from '@nestjs/common';
import { LedgerOrderEventsController } from './api/ledger-order-events.controller';
import { LedgerProductEventsController } from './api/ledger-product-events.controller';
import { SellerBalanceController } from './api/seller-balance.controller';
import { LedgerRecorder } from './application/ledger-recorder';
import { LedgerReadModel } from './infrastructure/ledger-read-model';
import { ProductCategories } from './infrastructure/product-categories';

/**
 * The sellers' ledger: the orders facts it records from orders.order.v1 (with each line's commission
 * rate, by the product's category from catalog.product.v1), its balances for sellers. Its
 * projection runs with the payments' event sourcing (see payments-event-sourcing.ts).
 */
@Module({
  controllers: [LedgerOrderEventsController, LedgerProductEventsController, SellerBalanceController],
  providers: [LedgerRecorder, LedgerReadModel, ProductCategories],
  exports: [LedgerReadModel],
})
export class LedgerModule {}
