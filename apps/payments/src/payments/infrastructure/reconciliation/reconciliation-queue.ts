import { KNEX } from '@marketplace/platform';
import { Inject, Injectable } from '@nestjs/common';
import type { Knex } from 'knex';
import { MOBILE_MONEY_PUSH } from '../../../mobile-money/domain/mobile-money-outcomes';
import { PAYMENTS_TABLE } from '../projection/payments-table';

const ATTEMPTS_TABLE = 'reconciliation_attempts';

/**
 * Which payments reconciliation should look at, from the read model (never by scanning streams): open
 * payments and reserved refunds unchanged since `before`, those tried least recently first.
 */
@Injectable()
export class ReconciliationQueue {
  constructor(@Inject(KNEX) private readonly db: Knex) {}

  /** `pushesBefore`: mobile money pushes still waiting are due sooner (their callback may never come). */
  async due(before: Date, limit: number, pushesBefore: Date): Promise<string[]> {
    const { rows } = await this.db.raw<{ rows: { id: string }[] }>(
      `SELECT p.id FROM ?? p LEFT JOIN ?? a ON a.payment_id = p.id
        WHERE ((p.status IN ('initiated', 'requires_action') OR p.pending_refunds > 0) AND p.updated_at < ?)
           OR (p.status = 'requires_action' AND p.state->>'nextActionType' = ? AND p.updated_at < ?)
        ORDER BY a.attempted_at ASC NULLS FIRST, p.updated_at ASC
        LIMIT ?`,
      [PAYMENTS_TABLE, ATTEMPTS_TABLE, before, MOBILE_MONEY_PUSH, pushesBefore, limit],
    );
    return rows.map((row) => row.id);
  }

  /** Notes the try, with its error if it failed (for operators). */
  async attempted(paymentId: string, at: Date, error?: string): Promise<void> {
    await this.db(ATTEMPTS_TABLE)
      .insert({ payment_id: paymentId, attempted_at: at, error: error ?? null })
      .onConflict('payment_id')
      .merge();
  }
}
