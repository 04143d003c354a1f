import { TestTokenIssuer } from '@marketplace/auth';
import { type CloudEvent, type MarketplaceEvent, TOPICS } from '@marketplace/contracts';
import type { EventStore, RecordedEvent } from '@marketplace/event-store';
import { createMessageBus, type MessageBus, type Producer, startMessaging } from '@marketplace/messaging';
import { createLogger, createServiceApp, EVENT_STORE, KNEX, parseConfig, type ServiceApp } from '@marketplace/platform';
import { ProjectionEngine } from '@marketplace/projections';
import { createTestDatabase, type TestDatabase, waitFor } from '@marketplace/testing';
import type { Knex } from 'knex';
import { randomBytes } from 'node:crypto';
import { OrderEventsController } from '../src/payments/api/order-events.controller';
import { AppModule } from '../src/app.module';
import { paymentStream } from '../src/payments/domain/payment-events';
import { PAYMENTS_PROJECTION } from '../src/payments/infrastructure/projection/payments.projection';
import { type PaymentsConfig, paymentsConfigSchema } from '../src/payments-config';

export const WEBHOOK_SECRET = 'whsec_payments_test_secret';

export interface PaymentsTestApp {
  service: ServiceApp;
  config: PaymentsConfig;
  database: TestDatabase;
  db: Knex;
  store: EventStore;
  issuer: TestTokenIssuer;
  /** A client of the bus the service consumes (embedded in its database, or Kafka when `KAFKA_BROKERS` is given). */
  bus: MessageBus;
  /** Publishes on orders.order.v1 as the orders service would (keyed by order). */
  publish(events: CloudEvent[]): Promise<void>;
  /** Hands an orders event to the service's @EventPattern handler directly, as the transport does (no bus). */
  deliver(event: MarketplaceEvent): Promise<void>;
  /** The stored events of a payment's stream, oldest first. */
  stream(paymentId: string): Promise<RecordedEvent[]>;
  /** Resolves once the payments read model has every stored event. */
  caughtUp(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The payments service in-process on a fresh database of the test PostgreSQL, with its own service
 * name (schema, consumer group), tokens from a TestTokenIssuer, the simulated provider unless `env` sets
 * a Stripe key, a webhook secret, and the reconciliation loop's timer out of the way (tests run passes).
 */
export async function startPayments(env: Record<string, string> = {}): Promise<PaymentsTestApp> {
  const database = await createTestDatabase('payments');
  const issuer = await TestTokenIssuer.start();
  const serviceName = `payments-${randomBytes(3).toString('hex')}`;
  const config = parseConfig(paymentsConfigSchema, {
    SERVICE_NAME: serviceName,
    PORT: '0',
    DATABASE_URL: database.url,
    JWKS_URL: issuer.jwksUrl,
    STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
    PAYMENT_RECONCILE_INTERVAL_MS: '3600000',
    ...env,
  });
  const service = await createServiceApp(AppModule, config, createLogger({ service: serviceName, level: 'silent' }), { rawBody: true });
  await startMessaging(service.app);
  const bus = createMessageBus({ clientId: `${serviceName}-test`, kafkaBrokers: config.KAFKA_BROKERS, databaseUrl: database.url });
  await bus.ensureTopics([TOPICS.ordersOrder, TOPICS.paymentsPayment]);
  const store = service.app.get<EventStore>(EVENT_STORE);
  const engine = service.app.get(ProjectionEngine);
  let producer: Producer | undefined;
  return {
    service,
    config,
    database,
    db: service.app.get<Knex>(KNEX),
    store,
    issuer,
    bus,
    publish: async (events) => {
      producer ??= await bus.producer();
      await producer.send(events.map((value) => ({ topic: TOPICS.ordersOrder, key: value.subject, value })));
    },
    deliver: (event) => service.app.get(OrderEventsController).onOrderEvent(event),
    stream: (paymentId) => store.readStream(paymentStream(paymentId)),
    caughtUp: async () => {
      await waitFor(async () => (await engine.status([PAYMENTS_PROJECTION]))[0]?.lag === 0, { timeoutMs: 30_000, description: 'the payments read model to catch up' });
    },
    close: async () => {
      await producer?.close();
      await bus.close();
      await service.app.close();
      await issuer.close();
      await database.drop();
    },
  };
}
