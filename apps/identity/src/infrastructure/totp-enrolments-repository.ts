import type { Knex } from 'knex';
import type { TotpEnrolment } from '../domain/totp-enrolment';

interface EnrolmentRow {
  user_id: string;
  sealed_secret: string;
  status: TotpEnrolment['status'];
  last_used_step: string | null;
  created_at: Date;
  enabled_at: Date | null;
}

const toEnrolment = (row: EnrolmentRow): TotpEnrolment => {
  const base = { userId: row.user_id, sealedSecret: row.sealed_secret, createdAt: row.created_at };
  return row.status === 'enabled' && row.enabled_at
    ? { ...base, status: 'enabled', enabledAt: row.enabled_at, lastUsedStep: Number(row.last_used_step) }
    : { ...base, status: 'pending' };
};

export class TotpEnrolmentsRepository {
  /** `forUpdate` serialises code checks of one user, so one step is accepted once under concurrency. */
  async byUser(db: Knex, userId: string, options: { forUpdate?: boolean } = {}): Promise<TotpEnrolment | undefined> {
    const query = db('totp_enrolments').where({ user_id: userId }).first<EnrolmentRow | undefined>();
    const row = await (options.forUpdate ? query.forUpdate() : query);
    return row && toEnrolment(row);
  }

  async save(db: Knex, enrolment: TotpEnrolment): Promise<void> {
    const enabled = enrolment.status === 'enabled';
    await db('totp_enrolments')
      .insert({
        user_id: enrolment.userId,
        sealed_secret: enrolment.sealedSecret,
        status: enrolment.status,
        last_used_step: enabled ? enrolment.lastUsedStep : null,
        created_at: enrolment.createdAt,
        enabled_at: enabled ? enrolment.enabledAt : null,
      })
      .onConflict('user_id')
      .merge();
  }

  async delete(db: Knex, userId: string): Promise<void> {
    await db('totp_enrolments').where({ user_id: userId }).delete();
  }
}
