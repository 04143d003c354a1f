import { DependencyUnavailableError, KNEX } from '@marketplace/platform';
import { Inject, Injectable } from '@nestjs/common';
import type { Knex } from 'knex';
import type { StartedPayment } from '../../payments/domain/payment-state';
import { PAYMENTS_TABLE } from '../../payments/infrastructure/projection/payments-table';
import type { Period } from '../domain/reconciliation-report';
import type { StatementProvider } from '../domain/statement-line';

/** PostgreSQL's "undefined table": the payments projection creates its table when it first starts. */
const UNDEFINED_TABLE = '42P01';

/**
 * Reads from the payments read model (the decider's own fold, so the same facts as the payments'
 * events) what a statement is compared with: the provider's payments that the statement names, and
 * those captured within its period. One query: a report is an occasional admin action over at most
 * one statement's rows.
 */
@Injectable()
export class ProviderPaymentsReader {
  constructor(@Inject(KNEX) private readonly db: Knex) {}

  async forStatement(provider: StatementProvider, references: string[], period: Period): Promise<StartedPayment[]> {
    try {
      const rows = await this.db(PAYMENTS_TABLE)
        .select<{ state: StartedPayment }[]>('state')
        .where({ provider })
        .andWhere((query) =>
          query
            .whereRaw('provider_payment_id = ANY(?::text[])', [references])
            // M-Pesa's portal names a payment by its receipt number.
            .orWhereRaw(`jsonb_exists_any(coalesce(state->'receipts', '[]'::jsonb), ?::text[])`, [references])
            .orWhereRaw(`status = 'captured' AND (state->>'capturedAt')::timestamptz BETWEEN ? AND ?`, [period.from, period.to]),
        );
      return rows.map((row) => row.state);
    } catch (error) {
      if ((error as { code?: string }).code !== UNDEFINED_TABLE) throw error;
      throw new DependencyUnavailableError('The payments read model is being built; try again shortly.', { code: 'read_model_not_ready', cause: error });
    }
  }
}
