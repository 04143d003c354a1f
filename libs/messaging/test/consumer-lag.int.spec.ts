import { randomBytes } from 'node:crypto';
import { describeEachBackend, testInfrastructure, waitFor } from '@marketplace/testing';
import { Pool } from 'pg';
import { type ConsumerGroupLag, embeddedConsumerLag, kafkaConsumerLag, type Producer } from '../src';
import { messageBusBackends, testEvent, type BusTestContext } from './bus-backends';
import { collect } from './delivery-fixtures';

jest.setTimeout(90_000);

describeEachBackend('consumer group lag', messageBusBackends(), (backend) => {
  let ctx: BusTestContext;
  let pool: Pool;
  // On Kafka the names carry a prefix of their own, as KAFKA_TOPIC_PREFIX gives them, so the report is of this test's groups only.
  const prefix = `lag-${randomBytes(4).toString('hex')}.`;

  beforeEach(async () => {
    ctx = await backend().createContext();
    pool = new Pool({ connectionString: ctx.databaseUrl, max: 2 });
  });

  afterEach(async () => {
    await pool.end();
    await ctx.dispose();
  });

  const named = (base: string) => (ctx.backend === 'kafka' ? `${prefix}${base}` : ctx.name(base));
  const reported = (base: string) => (ctx.backend === 'kafka' ? base : ctx.name(base));

  async function lagOf(group: string): Promise<ConsumerGroupLag | undefined> {
    const lags = ctx.backend === 'kafka' ? await kafkaConsumerLag({ brokers: testInfrastructure().kafkaBrokers ?? [], topicPrefix: prefix }) : await embeddedConsumerLag(pool);
    return lags.find((lag) => lag.group === reported(group));
  }

  const send = (producer: Producer, topic: string, from: number, count: number) =>
    producer.send(Array.from({ length: count }, (_, i) => testEvent(`k-${(from + i) % 3}`, from + i)).map((value) => ({ topic, key: value.subject, value })));

  it('reports what a group has not committed on a topic, and whether anyone is consuming', async () => {
    const topic = named('lag.topic');
    const group = named('lagging');
    const bus = ctx.bus();
    await bus.ensureTopics([topic], 2);
    const producer = await bus.producer();
    await send(producer, topic, 0, 5);

    const consumer = await collect(ctx.bus('consumer'), group, [topic]);
    await waitFor(() => consumer.messages.length === 5, { timeoutMs: 60_000, description: 'the first five messages' });
    await waitFor(async () => (await lagOf('lagging'))?.lag === 0, { timeoutMs: 30_000, description: 'the group to commit them' });
    expect(await lagOf('lagging')).toMatchObject({ topic: reported('lag.topic'), partitions: 2, members: 1 });

    await consumer.stop();
    await send(producer, topic, 5, 4);
    await producer.close();
    expect(await lagOf('lagging')).toEqual({ group: reported('lagging'), topic: reported('lag.topic'), partitions: 2, lag: 4, members: 0 });
  });
});
