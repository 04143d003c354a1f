import type { Knex } from 'knex';

export type FailureScope = 'account' | 'ip';

export class LoginFailuresRepository {
  async record(db: Knex, scope: FailureScope, key: string, at: Date): Promise<void> {
    await db('login_failures').insert({ scope, key, failed_at: at });
  }

  async since(db: Knex, scope: FailureScope, key: string, since: Date): Promise<Date[]> {
    const rows = await db('login_failures').where({ scope, key }).andWhere('failed_at', '>', since).orderBy('failed_at').select<{ failed_at: Date }[]>('failed_at');
    return rows.map((row) => row.failed_at);
  }

  async clear(db: Knex, scope: FailureScope, key: string): Promise<void> {
    await db('login_failures').where({ scope, key }).delete();
  }

  /** Rows older than any window are dead weight. */
  async prune(db: Knex, before: Date): Promise<void> {
    await db('login_failures').where('failed_at', '<', before).delete();
  }
}
