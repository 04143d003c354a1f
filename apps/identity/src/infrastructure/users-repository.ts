import type { Role } from '@marketplace/contracts';
import type { Knex } from 'knex';
import type { User } from '../domain/user';

interface UserRow {
  id: string;
  email: string;
  name: string;
  phone: string | null;
  locale: string;
  password_hash: string | null;
  roles: Role[];
  email_verified_at: Date | null;
  deactivated_at: Date | null;
  created_at: Date;
}

const toUser = (row: UserRow): User => ({
  id: row.id,
  email: row.email,
  name: row.name,
  phone: row.phone,
  locale: row.locale,
  passwordHash: row.password_hash,
  roles: row.roles,
  emailVerifiedAt: row.email_verified_at,
  deactivatedAt: row.deactivated_at,
  createdAt: row.created_at,
});

const toRow = (user: User): UserRow => ({
  id: user.id,
  email: user.email,
  name: user.name,
  phone: user.phone,
  locale: user.locale,
  password_hash: user.passwordHash,
  roles: user.roles,
  email_verified_at: user.emailVerifiedAt,
  deactivated_at: user.deactivatedAt,
  created_at: user.createdAt,
});

export class UsersRepository {
  /** Adds the user; false when the email is taken (the unique index decides, so concurrent sign-ups agree). */
  async insert(db: Knex, user: User): Promise<boolean> {
    const inserted = await db('users').insert(toRow(user)).onConflict('email').ignore().returning('id');
    return inserted.length === 1;
  }

  async update(db: Knex, user: User): Promise<void> {
    await db('users').where({ id: user.id }).update(toRow(user));
  }

  async byEmail(db: Knex, email: string, options: { forUpdate?: boolean } = {}): Promise<User | undefined> {
    const query = db('users').where({ email }).first<UserRow | undefined>();
    const row = await (options.forUpdate ? query.forUpdate() : query);
    return row && toUser(row);
  }

  /** `forUpdate` serialises changes to one user (and so the order of its events). */
  async byId(db: Knex, id: string, options: { forUpdate?: boolean } = {}): Promise<User | undefined> {
    const query = db('users').where({ id }).first<UserRow | undefined>();
    const row = await (options.forUpdate ? query.forUpdate() : query);
    return row && toUser(row);
  }
}
