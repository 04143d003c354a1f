import { createTestDatabase, type TestDatabase } from '@marketplace/testing';
import knex, { type Knex } from 'knex';
import { Inbox, InvalidInboxKeyError } from './inbox';

describe('Inbox (PostgreSQL)', () => {
  let database: TestDatabase;
  let db: Knex;
  const inbox = new Inbox({ schema: 'catalog' });

  beforeAll(async () => {
    database = await createTestDatabase('inbox');
    db = knex({ client: 'pg', connection: database.url, pool: { min: 0, max: 10 } });
    await Promise.all([inbox.migrate(db), inbox.migrate(db), inbox.migrate(db)]);
    await db.raw('create table catalog.effects (event_id text not null, group_name text not null)');
  });

  afterAll(async () => {
    await db?.destroy();
    await database?.drop();
  });

  const effect = (group: string, eventId: string) => async (trx: Knex.Transaction) => {
    await trx('catalog.effects').insert({ event_id: eventId, group_name: group });
    return eventId;
  };
  const effects = async (eventId: string) => (await db('catalog.effects').where({ event_id: eventId })).map((r) => r.group_name).sort();

  it('runs the effect once and skips a redelivery of the same event', async () => {
    const first = await inbox.handleOnce(db, { group: 'search', eventId: 'e-1' }, effect('search', 'e-1'));
    const second = await inbox.handleOnce(db, { group: 'search', eventId: 'e-1' }, effect('search', 'e-1'));
    expect(first).toEqual({ status: 'handled', result: 'e-1' });
    expect(second).toEqual({ status: 'duplicate' });
    expect(await effects('e-1')).toEqual(['search']);
  });

  it('keeps groups apart: each consumer group handles the event once', async () => {
    await inbox.handleOnce(db, { group: 'search', eventId: 'e-2' }, effect('search', 'e-2'));
    await inbox.handleOnce(db, { group: 'notifications', eventId: 'e-2' }, effect('notifications', 'e-2'));
    expect(await effects('e-2')).toEqual(['notifications', 'search']);
  });

  it('has one effect under concurrent redeliveries', async () => {
    const slowEffect = async (trx: Knex.Transaction) => {
      await trx.raw('select pg_sleep(0.05)');
      return effect('search', 'e-3')(trx);
    };
    const outcomes = await Promise.all(Array.from({ length: 8 }, () => inbox.handleOnce(db, { group: 'search', eventId: 'e-3' }, slowEffect)));
    expect(outcomes.filter((o) => o.status === 'handled')).toHaveLength(1);
    expect(outcomes.filter((o) => o.status === 'duplicate')).toHaveLength(7);
    expect(await effects('e-3')).toEqual(['search']);
  });

  it('forgets an event whose effect failed, so its redelivery runs it', async () => {
    const failing = async () => {
      throw new Error('effect failed');
    };
    await expect(inbox.handleOnce(db, { group: 'search', eventId: 'e-4' }, failing)).rejects.toThrow('effect failed');
    expect(await inbox.handleOnce(db, { group: 'search', eventId: 'e-4' }, effect('search', 'e-4'))).toEqual({ status: 'handled', result: 'e-4' });
    expect(await effects('e-4')).toEqual(['search']);
  });

  it('rolls the inbox row back with the outer transaction it joined', async () => {
    await expect(
      db.transaction(async (trx) => {
        await inbox.handleOnce(trx, { group: 'search', eventId: 'e-5' }, effect('search', 'e-5'));
        throw new Error('outer rollback');
      }),
    ).rejects.toThrow('outer rollback');
    expect(await effects('e-5')).toEqual([]);
    expect(await inbox.handleOnce(db, { group: 'search', eventId: 'e-5' }, effect('search', 'e-5'))).toMatchObject({ status: 'handled' });
  });

  it('rejects an empty key', async () => {
    await expect(inbox.handleOnce(db, { group: '', eventId: 'e' }, effect('x', 'e'))).rejects.toThrow(InvalidInboxKeyError);
  });
});
