import { randomUUID } from 'node:crypto';
import knex, { type Knex } from 'knex';
import { createTestDatabase, describeEachBackend, testInfrastructure, type TestDatabase } from '@marketplace/testing';
import { appendToStreamsWithin, InvalidEventStoreRequestError, type NewEvent, PostgresEventStore, type TransactionQuery } from '../src';

jest.setTimeout(60_000);

const event = (n: number): NewEvent => ({ id: randomUUID(), type: 'Noted', data: { n } });
const within = (trx: Knex.Transaction): TransactionQuery => (sql, bindings) => trx.raw(sql, bindings as Knex.RawBinding[]);

describeEachBackend(
  'transactional append',
  [{ name: 'postgres', resolve: () => testInfrastructure().postgresUrl ?? { skip: 'no PostgreSQL (TEST_DATABASE_URL)' } }],
  () => {
    let database: TestDatabase;
    let db: Knex;
    let store: PostgresEventStore;

    beforeAll(async () => {
      database = await createTestDatabase('event_store_trx');
      db = knex({ client: 'pg', connection: database.url, pool: { min: 0, max: 2 } });
      store = new PostgresEventStore({ connectionString: database.url, schema: 'intake' });
      await store.migrate();
    });
    afterAll(async () => {
      await store?.close();
      await db?.destroy();
      await database?.drop();
    });

    it('appends to several streams in one statement, in the order given, committed with the caller', async () => {
      const [a1, a2, b1] = [event(1), event(2), event(3)];
      await store.appendToStream('a', [event(0)], { expectedRevision: 'no_stream' });
      await db.transaction((trx) => appendToStreamsWithin(within(trx), 'intake', [{ stream: 'a', events: [a1, a2] }, { stream: 'b', events: [b1] }]));

      expect((await store.readStream('a')).map((e) => [e.id, e.revision])).toEqual([
        [expect.any(String), 0],
        [a1.id, 1],
        [a2.id, 2],
      ]);
      const log = await store.readAll();
      expect(log.slice(-3).map((e) => e.id)).toEqual([a1.id, a2.id, b1.id]);
    });

    it('leaves nothing when the caller rolls back, and fails the transaction on an id already in its stream', async () => {
      const before = (await store.readAll()).length;
      await expect(
        db.transaction(async (trx) => {
          await appendToStreamsWithin(within(trx), 'intake', [{ stream: 'c', events: [event(4)] }]);
          throw new Error('caller failed');
        }),
      ).rejects.toThrow('caller failed');
      const [again] = await store.readStream('b');
      await expect(
        db.transaction((trx) => appendToStreamsWithin(within(trx), 'intake', [{ stream: 'd', events: [event(5)] }, { stream: 'b', events: [{ id: again.id, type: 'Noted', data: {} }] }])),
      ).rejects.toMatchObject({ code: '23505' });
      expect(await store.readAll()).toHaveLength(before);
    });

    it('refuses a bad request before running anything', async () => {
      const query = jest.fn<Promise<unknown>, [string, unknown[]]>();
      await expect(appendToStreamsWithin(query, 'intake', [{ stream: 'e', events: [] }])).rejects.toBeInstanceOf(InvalidEventStoreRequestError);
      await expect(appendToStreamsWithin(query, 'Bad-Schema', [{ stream: 'e', events: [event(6)] }])).rejects.toBeInstanceOf(InvalidEventStoreRequestError);
      expect(query).not.toHaveBeenCalled();
    });
  },
);
