import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { type MarketplaceEvent } from '@marketplace/contracts';
import {
  connectMessaging,
  DEAD_LETTER_HEADERS,
  MESSAGING_BUS,
  MessagingContext,
  MessagingModule,
  type MessagingModuleOptions,
  Outbox,
} from '../src';
import { describeEachBackend, testInfrastructure, waitFor } from '@marketplace/testing';
import { Controller, type INestApplication, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import knex from 'knex';
import { type BusTestContext, messageBusBackends } from './bus-backends';
import { collect, FAST_RETRY, stockAdjusted } from './delivery-fixtures';

const WAIT = { timeoutMs: 60_000 };
// Kafka group joins take seconds.
jest.setTimeout(120_000);

interface Received {
  event: MarketplaceEvent;
  topic: string;
  partition: number;
  offset: string;
  attempt: number;
  ceId: string | undefined;
}

/** A service whose only feature is an ordinary `@EventPattern` handler; it fails for the ids in `failFor`. */
function searchService(topic: string, messaging: MessagingModuleOptions, received: Received[], failFor: Set<string> = new Set()) {
  @Controller()
  class StockHandler {
    @EventPattern(topic)
    async onStock(@Payload() event: MarketplaceEvent, @Ctx() context: MessagingContext): Promise<void> {
      received.push({
        event,
        topic: context.getTopic(),
        partition: context.getPartition(),
        offset: context.getOffset(),
        attempt: context.getAttempt(),
        ceId: context.getHeaders()['ce-id'],
      });
      if (failFor.has(event.id)) throw new RangeError(`stock of ${event.subject} cannot be indexed`);
    }
  }

  @Module({ imports: [MessagingModule.forRoot(messaging)], controllers: [StockHandler] })
  class SearchModule {}

  return SearchModule;
}

async function start(module: unknown): Promise<INestApplication> {
  const app = await NestFactory.create(module as never, new FastifyAdapter(), { logger: false });
  connectMessaging(app);
  await app.startAllMicroservices();
  await app.init();
  return app;
}

describeEachBackend('messaging NestJS transport', messageBusBackends(), (backend) => {
  let ctx: BusTestContext;
  const apps: INestApplication[] = [];

  beforeEach(async () => {
    ctx = await backend().createContext();
  });

  afterEach(async () => {
    for (const app of apps.splice(0)) await app.close();
    await ctx.dispose();
  });

  it('hands @EventPattern handlers the validated CloudEvent and its context; a handler that keeps failing is dead-lettered with its own error', async () => {
    const topic = ctx.name('catalog.inventory.v1');
    const key = randomUUID();
    const [poison, good] = [stockAdjusted(key, 0), stockAdjusted(key, 1)];
    const received: Received[] = [];
    const dlq = await collect(ctx.bus('collector'), ctx.name('collector'), [`${topic}.dlq`]);
    const options = { serviceName: 'search', groupId: ctx.name('search'), schema: 'search', bus: ctx.bus('search'), retry: FAST_RETRY };
    apps.push(await start(searchService(topic, options, received, new Set([poison.id]))));
    try {
      const producer = await ctx.bus('catalog').producer();
      await producer.send([poison, good].map((value) => ({ topic, key, value })));
      await producer.close();

      await waitFor(() => received.some((r) => r.event.id === good.id) && dlq.messages.length === 1, { ...WAIT, description: 'the good event and a dead letter' });
      expect(received.map((r) => [r.event.id, r.attempt])).toEqual([
        [poison.id, 1],
        [poison.id, 2],
        [poison.id, 3],
        [good.id, 1],
      ]);
      const handled = received[3];
      expect(handled.event).toEqual(good);
      expect(handled).toMatchObject({ topic, ceId: good.id });
      expect(handled.partition).toBe(received[0].partition);
      expect(BigInt(handled.offset)).toBeGreaterThan(BigInt(received[0].offset));
      expect(dlq.messages[0].headers).toMatchObject({
        [DEAD_LETTER_HEADERS.errorName]: 'RangeError',
        [DEAD_LETTER_HEADERS.errorMessage]: `stock of ${key} cannot be indexed`,
        [DEAD_LETTER_HEADERS.attempts]: '3',
      });
    } finally {
      await dlq.stop();
    }
  });

  it('carries an event from one service outbox, through its relay, to another service @EventPattern handler', async () => {
    const kafkaBrokers = ctx.backend === 'kafka' ? testInfrastructure().kafkaBrokers : undefined;
    const checks = new Map<string, () => Promise<void>>();
    const readiness = { register: (name: string, check: () => Promise<void>) => void checks.set(name, check) };
    const catalogOptions: MessagingModuleOptions = {
      serviceName: 'catalog',
      schema: 'catalog',
      databaseUrl: ctx.databaseUrl,
      kafkaBrokers,
      outboxRelay: { pollIntervalMs: 200 },
      readiness,
    };
    @Module({ imports: [MessagingModule.forRoot(catalogOptions)] })
    class CatalogModule {}

    const received: Received[] = [];
    const search = searchService('catalog.inventory.v1', { serviceName: 'search', groupId: ctx.name('search'), schema: 'search', bus: ctx.bus('search') }, received);
    apps.push(await start(search));
    const catalog = await start(CatalogModule);
    apps.push(catalog);
    expect([...checks.keys()]).toEqual(['bus']);
    await checks.get('bus')?.();
    expect(catalog.get(MESSAGING_BUS).kind).toBe(ctx.backend);

    const db = knex({ client: 'pg', connection: ctx.databaseUrl, pool: { min: 0, max: 2 } });
    try {
      const outbox = catalog.get(Outbox);
      await outbox.migrate(db);
      const event = stockAdjusted(randomUUID(), 3);
      await db.transaction((trx) => outbox.enqueue(trx, [event]));
      const arrived = await waitFor(() => received.find((r) => r.event.id === event.id), { ...WAIT, description: 'the event in search' });
      expect(arrived.event).toEqual(event);
      expect(arrived.topic).toBe('catalog.inventory.v1');
    } finally {
      await db.destroy();
    }
  });
});
