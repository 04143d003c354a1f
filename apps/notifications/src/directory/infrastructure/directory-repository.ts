import { Injectable } from '@nestjs/common';
import type { Knex } from 'knex';

/** A user as identity's events told notifications: whom to write to, and how to address them. */
export interface DirectoryEntry {
  id: string;
  email: string;
  displayName: string;
  phone: string | null;
  locale: string;
  roles: string[];
  active: boolean;
}

interface UserRow {
  id: string;
  email: string;
  display_name: string;
  phone: string | null;
  locale: string;
  roles: string[];
  active: boolean;
}

const toEntry = (row: UserRow): DirectoryEntry => ({
  id: row.id,
  email: row.email,
  displayName: row.display_name,
  phone: row.phone,
  locale: row.locale,
  roles: row.roles,
  active: row.active,
});

/** The `users` projection. Writes run in the consumer's inbox transaction. */
@Injectable()
export class DirectoryRepository {
  async register(trx: Knex.Transaction, user: Omit<DirectoryEntry, 'roles' | 'active'>, at: Date): Promise<void> {
    await trx('users')
      .insert({ id: user.id, email: user.email, display_name: user.displayName, phone: user.phone, locale: user.locale, roles: ['buyer'], active: true, updated_at: at })
      .onConflict('id')
      .merge(['email', 'display_name', 'phone', 'locale', 'updated_at']);
  }

  async update(trx: Knex.Transaction, id: string, change: Partial<Pick<DirectoryEntry, 'email' | 'displayName' | 'phone' | 'locale' | 'active'>>, at: Date): Promise<void> {
    const { email, displayName, phone, locale, active } = change;
    await trx('users').where({ id }).update({ email, display_name: displayName, phone, locale, active, updated_at: at });
  }

  async grantRole(trx: Knex.Transaction, id: string, role: string, at: Date): Promise<void> {
    await trx('users').where({ id }).whereRaw('not (? = any (roles))', [role]).update({ roles: trx.raw('array_append(roles, ?)', [role]), updated_at: at });
  }

  async find(db: Knex, ids: readonly string[]): Promise<Map<string, DirectoryEntry>> {
    if (ids.length === 0) return new Map();
    const rows = await db('users').whereIn('id', [...new Set(ids)]).select<UserRow[]>('*');
    return new Map(rows.map((row) => [row.id, toEntry(row)]));
  }

  async admins(db: Knex): Promise<DirectoryEntry[]> {
    const rows = await db('users').whereRaw("'admin' = any (roles) and active").select<UserRow[]>('*');
    return rows.map(toEntry);
  }
}
