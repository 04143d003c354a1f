import { migrate, openServiceDatabase } from '@marketplace/platform';
import { createTestDatabase, type TestDatabase } from '@marketplace/testing';
import type { Knex } from 'knex';
import { identityMigrations } from '../src/infrastructure/migrations';

describe('identity migration 002: phone and locale', () => {
  let database: TestDatabase;
  let db: Knex;

  beforeAll(async () => {
    database = await createTestDatabase('identity_upgrade');
    db = openServiceDatabase({ url: database.url, schema: 'identity', poolMax: 2 });
  });

  afterAll(async () => {
    await db?.destroy();
    await database?.drop();
  });

  it('gives the accounts that existed before it locale en and no phone, and keeps any other writer to E.164', async () => {
    const [accounts, profile] = identityMigrations;
    expect(profile.name).toBe('002-identity-user-phone-and-locale');
    await migrate(db, { schema: 'identity', migrations: [accounts] });
    const id = '0b6f7a52-3c1e-4f53-9d4e-5a0d2d1c8e11';
    await db('users').insert({ id, email: 'old@example.com', name: 'Old', password_hash: '$argon2id$...', roles: ['buyer'], created_at: new Date() });

    await migrate(db, { schema: 'identity', migrations: identityMigrations });
    expect(await db('users').where({ id }).first('locale', 'phone')).toEqual({ locale: 'en', phone: null });
    await expect(db('users').where({ id }).update({ phone: '07700 900123' })).rejects.toMatchObject({ code: '23514' });
    await db('users').where({ id }).update({ phone: '+447700900123' });
    expect(await db('users').where({ id }).first('phone')).toEqual({ phone: '+447700900123' });
  });
});
