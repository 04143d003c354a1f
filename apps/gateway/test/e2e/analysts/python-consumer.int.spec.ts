import { exampleCloudEvent } from '@marketplace/contracts';
import { createMessageBus } from '@marketplace/messaging';
import { describeEachBackend, testInfrastructure, uniqueName, waitFor } from '@marketplace/testing';
import { MarketplaceActors } from '../support/marketplace-actors';
import { MarketplaceStack } from '../support/marketplace-stack';
import { analystsPython, type ConsumerSummary, consumeTopics, runPython } from './python-consumer';

// A build, six processes, Kafka group joins, then Python reading the topics.
jest.setTimeout(300_000);

/** What one card checkout writes, from the seller's application to the buyer's notification. */
const FLOW_TYPES = [
  'marketplace.identity.UserRegistered.v3',
  'marketplace.identity.SellerApplicationSubmitted.v1',
  'marketplace.identity.SellerApproved.v1',
  'marketplace.identity.RoleGranted.v1',
  'marketplace.catalog.CategoryCreated.v1',
  'marketplace.catalog.ProductCreated.v1',
  'marketplace.catalog.ProductPublished.v1',
  'marketplace.catalog.StockAdjusted.v1',
  'marketplace.catalog.StockReserved.v1',
  'marketplace.catalog.StockCommitted.v1',
  'marketplace.orders.OrderPlaced.v3',
  'marketplace.orders.OrderPaymentRequested.v2',
  'marketplace.orders.OrderConfirmed.v1',
  'marketplace.payments.PaymentInitiated.v2',
  'marketplace.payments.PaymentCaptured.v1',
  'marketplace.notifications.NotificationDelivered.v1',
];

const seen = (summary: ConsumerSummary) => FLOW_TYPES.filter((type) => summary.types[type] > 0);

/**
 * The analysts' Python consumer (examples/python-consumer) against what the services really publish:
 * a checkout on Kafka under a topic prefix of its own, so that only this run's messages are read (the
 * shared broker also holds other tests' deliberately malformed ones), every one validated against the
 * JSON Schemas in docs/.
 */
describeEachBackend(
  'analysts: python consumer',
  [
    {
      name: 'kafka',
      resolve: () => {
        const brokers = testInfrastructure().kafkaBrokers;
        if (!brokers) return { skip: 'no Kafka (TEST_KAFKA_BROKERS not set)' };
        const python = analystsPython();
        return typeof python === 'string' ? { brokers, python } : python;
      },
    },
  ],
  (backend) => {
    it("passes its own unit tests (the checks against docs/'s schemas)", async () => {
      const result = await runPython(backend().python, ['-m', 'unittest', '-v']);
      expect({ status: result.status, output: result.stderr }).toEqual({ status: 0, output: expect.stringMatching(/\nOK\s*$/) });
    });

    describe('after a checkout over Kafka', () => {
      const prefix = `${uniqueName('e2e-analysts')}.`;
      let stack: MarketplaceStack;

      beforeAll(async () => {
        // Every process that publishes, the ops server too: the consumer reads every documented topic.
        stack = await MarketplaceStack.start({ label: 'analysts', services: ['catalog', 'orders', 'payments', 'notifications'], ops: true, kafkaTopicPrefix: prefix });
        const people = new MarketplaceActors(stack);
        const seller = await people.seller();
        const productId = await people.product(seller, { price: 1999, onHand: 3 });
        const buyer = await people.buyer();
        const orderId = await people.checkout(buyer, productId);
        expect(await people.finalOrder(buyer, orderId)).toMatchObject({ status: 'confirmed' });
      });

      afterAll(async () => {
        await stack?.stop();
      });

      it('reads every event type of the flow from the run’s topics, and none is invalid', async () => {
        const { brokers, python } = backend();
        // The relays publish a moment after the API answered: read again until the last steps are there.
        const { status, summary } = await waitFor(
          async () => {
            const run = await consumeTopics(python, brokers, prefix);
            return seen(run.summary).length === FLOW_TYPES.length || run.status !== 0 ? run : undefined;
          },
          { timeoutMs: 90_000, intervalMs: 2_000, description: 'every event type of the checkout on the topics' },
        );
        expect(summary.invalid).toEqual([]);
        expect(status).toBe(0);
        expect(seen(summary)).toEqual(FLOW_TYPES);
        expect(summary.missingTopics).toEqual([]);
        expect(summary.topicPrefix).toBe(prefix);
        expect(summary.messages).toBe(Object.values(summary.topics).reduce((sum, topic) => sum + topic.messages, 0));
        expect(Object.values(summary.deadLetters).filter((count) => count > 0)).toEqual([]);
      });
    });

    it('reports each malformed message with its reason and exits 1', async () => {
      const { brokers, python } = backend();
      const prefix = `${uniqueName('e2e-analysts-poison')}.`;
      const bus = createMessageBus({ clientId: 'analysts-poison', kafkaBrokers: brokers, kafkaTopicPrefix: prefix });
      const confirmed = exampleCloudEvent('marketplace.orders.OrderConfirmed.v1');
      const captured = exampleCloudEvent('marketplace.payments.PaymentCaptured.v1');
      try {
        const producer = await bus.producer();
        await producer.send([
          { topic: 'orders.order.v1', key: confirmed.subject, value: confirmed },
          { topic: 'orders.order.v1', key: 'poison', value: Buffer.from('{"not": "a CloudEvent"') },
          { topic: 'orders.order.v1', key: captured.subject, value: captured },
          { topic: 'orders.order.v1', key: 'someone-else', value: confirmed },
          { topic: 'orders.order.v1', key: confirmed.subject, value: Buffer.from(JSON.stringify({ ...confirmed, data: { ...confirmed.data, confirmedAt: 'yesterday' } })) },
        ]);
      } finally {
        await bus.close();
      }

      const { status, summary } = await consumeTopics(python, brokers, prefix);
      expect(status).toBe(1);
      expect(summary.topics['orders.order.v1'].messages).toBe(5);
      const reasons = summary.invalid.map((item) => [item.key, item.reasons.join('; ')]);
      expect(reasons).toEqual(
        expect.arrayContaining([
          ['poison', expect.stringContaining('value is not JSON')],
          [captured.subject, expect.stringContaining('marketplace.payments.PaymentCaptured.v1 belongs on payments.payment.v1, not orders.order.v1')],
          ['someone-else', expect.stringContaining(`key 'someone-else' is not the subject '${confirmed.subject}'`)],
          [confirmed.subject, expect.stringContaining('data.confirmedAt')],
        ]),
      );
      expect(summary.invalidCount).toBe(4);
      expect(summary.missingTopics).toEqual(expect.arrayContaining(['payments.payment.v1', 'identity.user.v1']));
    });
  },
);
