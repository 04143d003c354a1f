import { TOPICS } from '@marketplace/contracts';
import { createMessageBus, type IncomingMessage, type MessageBus } from '@marketplace/messaging';
import { createTestDatabase, describeEachBackend, serviceBusBackends, type TestDatabase, uniqueName } from '@marketplace/testing';
import { type PublishedHistory, publishHistory } from './history-fixture';
import { testOpsContext, type TestOpsContext } from './ops-test-context';
import { republishCommand } from './republish-command';

jest.setTimeout(120_000);

const eventId = (m: IncomingMessage) => m.headers['ce-id'];
const types = (messages: IncomingMessage[]) => messages.map((m) => JSON.parse(m.value.toString()).type);

describeEachBackend('events republish', serviceBusBackends(), (backend) => {
  let database: TestDatabase;
  let bus: MessageBus;
  let context: TestOpsContext;
  let history: PublishedHistory;
  let originals: Map<string, IncomingMessage>;
  const prefix = uniqueName('ops-republish') + '.';

  beforeAll(async () => {
    database = await createTestDatabase('ops_republish');
    const settings = { databaseUrl: database.url, kafkaBrokers: backend().kafkaBrokers, kafkaTopicPrefix: backend().kafkaBrokers && prefix };
    bus = createMessageBus({ clientId: 'ops-test', ...settings, logger: () => undefined });
    history = await publishHistory(database.url, bus);
    const published = [...(await bus.readTopic(TOPICS.ordersOrder)), ...(await bus.readTopic(TOPICS.catalogProduct))];
    originals = new Map(published.map((m) => [eventId(m), m]));
    context = testOpsContext(settings);
  });

  afterAll(async () => {
    await context?.close();
    await bus?.close();
    await database?.drop();
  });

  beforeEach(() => context.out.lines.splice(0));

  /** Runs the command to a fresh sandbox topic and reads back what arrived there. */
  async function toSandbox(options: Record<string, string | true>): Promise<IncomingMessage[]> {
    const sandbox = uniqueName('sandbox', '-');
    await republishCommand.run({ positionals: [], options: { ...options, 'to-topic': sandbox } }, context);
    return bus.readTopic(sandbox);
  }

  /** Each republished message is its original: same bytes, key, headers and partition. */
  function expectOriginals(messages: IncomingMessage[]): void {
    for (const { key, value, headers, partition, ...where } of messages) {
      const original = originals.get(headers['ce-id']);
      expect(original).toMatchObject({ key, headers, partition });
      expect(value.equals(original?.value ?? Buffer.alloc(0))).toBe(true);
      expect(where.topic).not.toBe(original?.topic);
    }
  }

  it('republishes one stream: its public events only, in order, exactly as first published', async () => {
    const messages = await toSandbox({ stream: `order-${history.orders[0]}` });
    expect(types(messages)).toEqual(['marketplace.orders.OrderPlaced.v3', 'marketplace.orders.OrderConfirmed.v1']);
    expect(messages.every((m) => m.key === history.orders[0])).toBe(true);
    expectOriginals(messages);
    expect(context.out.text()).toContain('orders -> ');
  });

  it('republishes one type, from the outbox services too', async () => {
    const products = await toSandbox({ type: 'marketplace.catalog.ProductCreated.v1' });
    expect(products.map((m) => m.key).sort()).toEqual([...history.products].sort());
    expectOriginals(products);
    const placed = await toSandbox({ type: 'marketplace.orders.OrderPlaced.v3' });
    expect(placed.map((m) => m.key).sort()).toEqual([...history.orders].sort());
    expectOriginals(placed);
  });

  it('republishes a time range, since inclusive and until exclusive, every filter combined', async () => {
    const secondDay = await toSandbox({ since: '2025-01-02T00:00:00Z', until: '2025-01-03T00:00:00Z' });
    expect(secondDay.map((m) => m.key).sort()).toEqual([history.orders[1], history.orders[1], history.products[1]].sort());
    expectOriginals(secondDay);
    expect(await toSandbox({ since: '2025-01-02T00:00:00Z', type: 'marketplace.catalog.ProductCreated.v1' })).toHaveLength(1);
    expect(await toSandbox({ stream: `order-${history.orders[0]}`, since: '2025-01-02T00:00:00Z' })).toHaveLength(0);
    expect(context.out.text()).toContain('No published event matches.');
  });

  it('sends nothing on a dry run, and says what it would send', async () => {
    expect(await toSandbox({ all: true, 'dry-run': true })).toEqual([]);
    expect(context.out.lines).toEqual(expect.arrayContaining([expect.stringMatching(/^orders -> sandbox-.*: 4 would be sent$/), expect.stringMatching(/^catalog -> sandbox-.*: 2 would be sent$/)]));
  });
});
