import { TOPICS } from '@marketplace/contracts';
import { createMessageBus, EventConsumer, Inbox, type MessageBus } from '@marketplace/messaging';
import { createTestDatabase, describeEachBackend, serviceBusBackends, type TestDatabase, uniqueName, waitFor } from '@marketplace/testing';
import knex, { type Knex } from 'knex';
import { publishHistory } from './history-fixture';
import { testOpsContext, type TestOpsContext } from './ops-test-context';
import { republishCommand } from './republish-command';

jest.setTimeout(120_000);

// Republishing to the topic the services consume: a consumer that handled an event before skips it.
describeEachBackend('events republish to the original topic', serviceBusBackends(), (backend) => {
  let database: TestDatabase;
  let bus: MessageBus;
  let db: Knex;
  let context: TestOpsContext;
  let consumer: EventConsumer;
  const deliveries: string[] = [];

  beforeAll(async () => {
    database = await createTestDatabase('ops_republish_original');
    const settings = { databaseUrl: database.url, kafkaBrokers: backend().kafkaBrokers, kafkaTopicPrefix: backend().kafkaBrokers && `${uniqueName('ops-original')}.` };
    bus = createMessageBus({ clientId: 'ops-test', ...settings, logger: () => undefined, kafka: { maxWaitTimeMs: 100 } });
    db = knex({ client: 'pg', connection: database.url, pool: { min: 0, max: 4 } });
    const inbox = new Inbox({ schema: 'search' });
    await inbox.migrate(db);
    await db.raw('create table search.effects (event_id text not null)');
    await publishHistory(database.url, bus);
    // The service's way: the effect and the inbox row in one transaction.
    consumer = await EventConsumer.start(bus, {
      groupId: 'search',
      topics: [TOPICS.ordersOrder],
      handler: async (event) => {
        deliveries.push(event.id);
        await inbox.handleOnce(db, { group: 'search', eventId: event.id }, (trx) => trx('search.effects').insert({ event_id: event.id }));
      },
    });
    context = testOpsContext(settings);
  });

  afterAll(async () => {
    await consumer?.stop();
    await context?.close();
    await bus?.close();
    await db?.destroy();
    await database?.drop();
  });

  it('delivers the events again, and the consumer that had handled them has no second effect', async () => {
    await waitFor(() => deliveries.length === 4, { timeoutMs: 60_000, description: 'the consumer to handle the four published order events' });
    const effectsBefore = (await db('search.effects').select('event_id')).map((r) => r.event_id).sort();
    expect(effectsBefore).toHaveLength(4);

    await republishCommand.run({ positionals: [], options: { type: 'marketplace.orders.OrderPlaced.v3' } }, context);
    await waitFor(() => deliveries.length === 6, { timeoutMs: 60_000, description: 'the two republished OrderPlaced to be delivered' });

    expect(new Set(deliveries).size).toBe(4); // the same two events came again
    expect((await db('search.effects').select('event_id')).map((r) => r.event_id).sort()).toEqual(effectsBefore);
    expect(context.out.lines).toContain(`orders -> ${TOPICS.ordersOrder}: 2 sent`);
  });
});
