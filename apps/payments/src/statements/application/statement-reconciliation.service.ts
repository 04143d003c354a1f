import { LOGGER } from '@marketplace/platform';
import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { reconcilablePayment } from '../domain/reconcilable-payment';
import { reconcile } from '../domain/reconcile';
import type { Period, ReconciliationReport } from '../domain/reconciliation-report';
import { readStatement } from '../domain/read-statement';
import type { StatementProvider } from '../domain/statement-line';
import { statementPeriod } from '../domain/statement-period';
import { ProviderPaymentsReader } from '../infrastructure/provider-payments.reader';

/** Most transactions one statement may hold (a month of a busy paybill; beyond it, export a shorter period). */
export const MAX_STATEMENT_ROWS = 50_000;

export interface StatementUpload {
  provider: StatementProvider;
  csv: string;
  /** The export's own period, when the admin gives it; else the first and last transaction's. */
  period: Partial<Period>;
  adminId: string;
}

/**
 * The reconciliation report of one uploaded statement. It writes nothing: the report follows from the
 * file and the payments' events, so uploading the same file again gives it again, and statements carry
 * payers' names and numbers that the marketplace has no reason to keep. Who asked for which report is
 * logged.
 */
@Injectable()
export class StatementReconciliationService {
  constructor(
    private readonly payments: ProviderPaymentsReader,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async report(upload: StatementUpload): Promise<ReconciliationReport> {
    const statement = readStatement(upload.provider, upload.csv, MAX_STATEMENT_ROWS);
    const period = statementPeriod(statement.lines, upload.period);
    const references = statement.lines.map((line) => line.reference);
    const payments = await this.payments.forStatement(upload.provider, references, period);
    const report = reconcile(statement, payments.map((payment) => reconcilablePayment(payment, payment.receipts)), period);
    this.logger.info({ adminId: upload.adminId, provider: upload.provider, period, rows: statement.lines.length, summary: report.summary }, 'statement reconciled');
    return report;
  }
}
