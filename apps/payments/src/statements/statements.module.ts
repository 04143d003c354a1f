import { Module } from '@nestjs/common';
import { CsvBodyParser } from './api/csv-body-parser';
import { StatementsController } from './api/statements.controller';
import { StatementReconciliationService } from './application/statement-reconciliation.service';
import { ProviderPaymentsReader } from './infrastructure/provider-payments.reader';

/** The reconciliation report: a provider statement (CSV) against the payments of that provider. */
@Module({
  controllers: [StatementsController],
  providers: [CsvBodyParser, StatementReconciliationService, ProviderPaymentsReader],
})
export class StatementsModule {}
