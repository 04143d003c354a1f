import { randomUUID } from 'node:crypto';
import { createCloudEvent, dlqTopic, eventExamples, TOPICS } from '@marketplace/contracts';
import { createMessageBus, EventConsumer, Inbox, type MessageBus } from '@marketplace/messaging';
import { createTestDatabase, describeEachBackend, serviceBusBackends, type TestDatabase, uniqueName, waitFor } from '@marketplace/testing';
import knex, { type Knex } from 'knex';
import { testOpsContext, type TestOpsContext } from '../events/ops-test-context';
import { OpsError } from '../ops-command';
import { dlqListCommand } from './dlq-list-command';
import { dlqReplayCommand } from './dlq-replay-command';
import { dlqShowCommand } from './dlq-show-command';

jest.setTimeout(120_000);

const topic = TOPICS.catalogProduct;
const product = (productId: string) =>
  createCloudEvent({ id: randomUUID(), time: '2025-01-01T12:00:00.000Z', source: 'marketplace/catalog', type: 'marketplace.catalog.ProductCreated.v1', subject: productId, data: { ...eventExamples['marketplace.catalog.ProductCreated.v1'], productId } });

// Two groups read the topic: `steady` handles everything, `flaky` fails on one product until it is fixed.
describeEachBackend('dlq list, show and replay', serviceBusBackends(), (backend) => {
  let database: TestDatabase;
  let bus: MessageBus;
  let db: Knex;
  let context: TestOpsContext;
  const consumers: EventConsumer[] = [];
  const deliveries = { steady: 0, flaky: 0 };
  const poison = product(randomUUID());
  let broken = true;

  const effects = async (group: string) => (await db('search.effects').where({ group_name: group }).select('event_id')).map((r) => r.event_id).sort();
  const run = (command: typeof dlqListCommand, positionals: string[], options: Record<string, string | true> = {}) => command.run({ positionals, options }, context);

  beforeAll(async () => {
    database = await createTestDatabase('ops_dlq');
    const settings = { databaseUrl: database.url, kafkaBrokers: backend().kafkaBrokers, kafkaTopicPrefix: backend().kafkaBrokers && `${uniqueName('ops-dlq')}.` };
    bus = createMessageBus({ clientId: 'ops-test', ...settings, logger: () => undefined, kafka: { maxWaitTimeMs: 100 } });
    db = knex({ client: 'pg', connection: database.url, pool: { min: 0, max: 4 } });
    const inbox = new Inbox({ schema: 'search' });
    await inbox.migrate(db);
    await db.raw('create table search.effects (group_name text not null, event_id text not null)');
    for (const group of ['steady', 'flaky'] as const) {
      const consumer = await EventConsumer.start(bus, {
        groupId: group,
        topics: [topic],
        retry: { maxAttempts: 2, initialDelayMs: 10, maxDelayMs: 10 },
        handler: async (event) => {
          deliveries[group] += 1;
          if (group === 'flaky' && broken && event.id === poison.id) throw new Error('search index refused the product');
          await inbox.handleOnce(db, { group, eventId: event.id }, (trx) => trx('search.effects').insert({ group_name: group, event_id: event.id }));
        },
      });
      consumers.push(consumer);
    }
    const producer = await bus.producer();
    await producer.send([product(randomUUID()), poison].map((value) => ({ topic, key: value.subject, value })));
    await producer.close();
    await waitFor(async () => (await bus.readTopic(dlqTopic(topic))).length === 1 && (await effects('steady')).length === 2, { timeoutMs: 60_000, description: 'the poison event to be dead-lettered' });
    context = testOpsContext(settings);
  });

  afterAll(async () => {
    await Promise.all(consumers.map((c) => c.stop()));
    await context?.close();
    await bus?.close();
    await db?.destroy();
    await database?.drop();
  });

  beforeEach(() => context.out.lines.splice(0));

  it('lists the dead letter with its key, type, group, attempts and error', async () => {
    await run(dlqListCommand, [topic]);
    expect(context.out.lines[0]).toBe(`${dlqTopic(topic)}: 1 pending, 0 replayed`);
    expect(context.out.lines[1]).toMatch(/^ {2}ID +KEY +TYPE +GROUP +ATTEMPTS +FAILED AT +STATUS +ERROR$/);
    expect(context.out.lines[2].split(/ {2,}/).slice(1)).toEqual([poison.id, poison.subject, poison.type, 'flaky', '2', expect.stringMatching(/^\d{4}-/), 'pending', 'Error: search index refused the product']);
  });

  it('shows one dead letter in full, the original event included', async () => {
    await run(dlqShowCommand, [dlqTopic(topic), poison.id]);
    const text = context.out.text();
    expect(text).toContain(`  from:           ${topic}, key ${poison.subject}`);
    expect(text).toContain('  error:          Error: search index refused the product');
    expect(text).toContain(`    "productId": "${poison.subject}"`);
  });

  it('replays it once fixed: the failed group handles it, the other skips it, and a second replay sends nothing', async () => {
    broken = false;
    const steadyBefore = deliveries.steady;
    await run(dlqReplayCommand, [topic], { id: poison.id });
    expect(context.out.lines).toContain(`${dlqTopic(topic)} -> ${topic}: 1 sent`);
    await waitFor(async () => (await effects('flaky')).length === 2 && deliveries.steady === steadyBefore + 1, { timeoutMs: 60_000, description: 'both groups to get the replayed event' });
    expect(await effects('steady')).toHaveLength(2);

    await run(dlqReplayCommand, [topic]);
    expect(context.out.lines).toContain(`${dlqTopic(topic)}: nothing to replay`);
    await expect(run(dlqReplayCommand, [topic], { id: poison.id })).rejects.toThrow(new OpsError(`dead letter "${poison.id}" of ${dlqTopic(topic)} was replayed already`));
    context.out.lines.splice(0);
    await run(dlqListCommand, [topic], { replayed: true });
    expect(context.out.lines[0]).toBe(`${dlqTopic(topic)}: 0 pending, 1 replayed`);
    expect(context.out.lines[2]).toContain('replayed');
    expect(await effects('flaky')).toHaveLength(2);
  });

  it('refuses bad arguments with one line', async () => {
    await expect(run(dlqShowCommand, [topic])).rejects.toThrow(new OpsError('missing <id> (see --help)'));
    await expect(run(dlqShowCommand, [topic, 'no-such-id'])).rejects.toThrow(new OpsError(`no dead letter "no-such-id" in ${dlqTopic(topic)} (\`dlq list\` shows their ids)`));
    await expect(run(dlqListCommand, ['not a topic'])).rejects.toThrow(new OpsError('"not a topic" is not a topic name: use 1 to 249 characters from [a-zA-Z0-9._-]'));
    await expect(run(dlqReplayCommand, [])).rejects.toThrow(new OpsError('missing <topic> (see --help)'));
  });
});
