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

  describe('a batch', () => {
    const batchEffect = (group: string) => async (fresh: { id: string }[], trx: Knex.Transaction) => {
      await trx('catalog.effects').insert(fresh.map((e) => ({ event_id: e.id, group_name: group })));
    };

    it('runs the effect once for the new events, in the order given, each once even when the batch repeats it', async () => {
      await inbox.handleOnce(db, { group: 'search', eventId: 'b-2' }, effect('search', 'b-2'));
      const seen: string[][] = [];
      const outcome = await inbox.handleBatchOnce(db, 'search', [{ id: 'b-3' }, { id: 'b-1' }, { id: 'b-2' }, { id: 'b-3' }], async (fresh, trx) => {
        seen.push(fresh.map((e) => e.id));
        await batchEffect('search')(fresh, trx);
      });
      expect(seen).toEqual([['b-3', 'b-1']]);
      expect(outcome.handled.map((e) => e.id)).toEqual(['b-3', 'b-1']);
      expect(outcome.duplicates.map((e) => e.id)).toEqual(['b-2', 'b-3']);
      expect([await effects('b-1'), await effects('b-2'), await effects('b-3')]).toEqual([['search'], ['search'], ['search']]);
      // A redelivery of the whole batch runs nothing.
      const again = await inbox.handleBatchOnce(db, 'search', [{ id: 'b-1' }, { id: 'b-3' }], batchEffect('search'));
      expect(again).toEqual({ handled: [], duplicates: [{ id: 'b-1' }, { id: 'b-3' }] });
      // Another group handles the same events for itself.
      expect((await inbox.handleBatchOnce(db, 'notifications', [{ id: 'b-1' }], batchEffect('notifications'))).handled).toEqual([{ id: 'b-1' }]);
      expect(await effects('b-1')).toEqual(['notifications', 'search']);
    });

    it('forgets every event of a batch whose effect failed, so each of them runs again', async () => {
      await expect(
        inbox.handleBatchOnce(db, 'search', [{ id: 'b-4' }, { id: 'b-5' }], async (fresh, trx) => {
          await batchEffect('search')(fresh, trx);
          throw new Error('effect failed');
        }),
      ).rejects.toThrow('effect failed');
      expect([await effects('b-4'), await effects('b-5')]).toEqual([[], []]);
      expect((await inbox.handleBatchOnce(db, 'search', [{ id: 'b-5' }], batchEffect('search'))).handled).toEqual([{ id: 'b-5' }]);
      expect(await inbox.handleOnce(db, { group: 'search', eventId: 'b-4' }, effect('search', 'b-4'))).toMatchObject({ status: 'handled' });
    });

    it('has one effect per event under concurrent overlapping batches', async () => {
      const ids = Array.from({ length: 20 }, (_, i) => ({ id: `b-c${i}` }));
      const slices = [ids.slice(0, 12), [...ids.slice(8, 20)].reverse(), ids.slice(4, 16)];
      const outcomes = await Promise.all(
        slices.map((slice) =>
          inbox.handleBatchOnce(db, 'search', slice, async (fresh, trx) => {
            await trx.raw('select pg_sleep(0.02)');
            await batchEffect('search')(fresh, trx);
          }),
        ),
      );
      expect(outcomes.flatMap((o) => o.handled.map((e) => e.id)).sort()).toEqual(ids.map((e) => e.id).sort());
      const rows = await db('catalog.effects').whereLike('event_id', 'b-c%').count({ n: '*' });
      expect(Number(rows[0].n)).toBe(20);
    });

    it('needs a group and event ids', async () => {
      await expect(inbox.handleBatchOnce(db, '', [{ id: 'x' }], batchEffect('x'))).rejects.toThrow(InvalidInboxKeyError);
      await expect(inbox.handleBatchOnce(db, 'search', [{ id: '' }], batchEffect('x'))).rejects.toThrow(InvalidInboxKeyError);
      expect(await inbox.handleBatchOnce(db, 'search', [], batchEffect('x'))).toEqual({ handled: [], duplicates: [] });
    });
  });

  it('rejects an empty key', async () => {
    await expect(inbox.handleOnce(db, { group: '', eventId: 'e' }, effect('x', 'e'))).rejects.toThrow(InvalidInboxKeyError);
  });
});
