import { TestTokenIssuer } from '@marketplace/auth';
import { type CloudEvent, createCloudEvent, type EventDataInput, type EventType, topicForType } from '@marketplace/contracts';
import { createMessageBus, type MessageBus, type Producer, startMessaging } from '@marketplace/messaging';
import { createLogger, createServiceApp, KNEX, parseConfig, type ServiceApp } from '@marketplace/platform';
import { createTestDatabase, type TestDatabase } from '@marketplace/testing';
import { Module } from '@nestjs/common';
import type { Knex } from 'knex';
import { randomBytes, randomUUID } from 'node:crypto';
import { AppModule } from '../../src/app.module';
import { conversationsConfigSchema } from '../../src/conversations/conversations-config';
import { ConversationsModule } from '../../src/conversations/conversations.module';
import { notificationsConfigSchema } from '../../src/notifications-config';
import { WsTestClient } from './ws-test-client';

export interface Caller {
  id: string;
  token: string;
}

export interface Json {
  status: number;
  body: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- response bodies are read field by field
  headers: Record<string, unknown>;
}

/** The service as it will be wired: AppModule with ConversationsModule. */
@Module({ imports: [AppModule, ConversationsModule] })
class ServiceWithConversations {}

/**
 * The notifications service with conversations in-process on a fresh database, listening on a free port
 * (WebSocket and SSE clients connect to it). Tests play identity, catalog and orders by publishing their
 * events on the embedded bus. `sameAs` starts a second instance of another: same database, schema,
 * consumer group and token issuer.
 */
export class ConversationsTestApp {
  private producer?: Producer;

  private constructor(
    readonly service: ServiceApp,
    readonly database: TestDatabase,
    readonly issuer: TestTokenIssuer,
    readonly bus: MessageBus,
    readonly serviceName: string,
  ) {}

  static async start(env: Record<string, string> = {}, sameAs?: ConversationsTestApp): Promise<ConversationsTestApp> {
    const database = sameAs?.database ?? (await createTestDatabase('conversations'));
    const issuer = sameAs?.issuer ?? (await TestTokenIssuer.start());
    const variables = { SERVICE_NAME: sameAs?.serviceName ?? `notifications-${randomBytes(3).toString('hex')}`, PORT: '0', DATABASE_URL: database.url, JWKS_URL: issuer.jwksUrl, ...env };
    const config = { ...parseConfig(notificationsConfigSchema, variables), ...parseConfig(conversationsConfigSchema, variables) };
    const service = await createServiceApp(ServiceWithConversations, config, createLogger({ service: 'notifications', level: (process.env.TEST_LOG_LEVEL as 'silent' | undefined) ?? 'silent' }));
    await startMessaging(service.app);
    await service.app.listen({ port: 0, host: '127.0.0.1' });
    const bus = createMessageBus({ clientId: 'conversations-test', kafkaBrokers: config.KAFKA_BROKERS, databaseUrl: database.url });
    return new ConversationsTestApp(service, database, issuer, bus, config.SERVICE_NAME);
  }

  get db(): Knex {
    return this.service.app.get<Knex>(KNEX);
  }

  get url(): string {
    const address = this.service.app.getHttpServer().address() as { port: number };
    return `http://127.0.0.1:${address.port}`;
  }

  async caller(roles: ('buyer' | 'seller' | 'admin')[] = ['buyer'], id: string = randomUUID()): Promise<Caller> {
    return { id, token: await this.issuer.sign({ sub: id, email: `${id}@example.com`, roles }) };
  }

  async call(method: 'GET' | 'POST', url: string, options: { body?: unknown; as?: Caller } = {}): Promise<Json> {
    const headers = options.as ? { authorization: `Bearer ${options.as.token}` } : undefined;
    const response = await this.service.app.inject({ method, url, payload: options.body as object | undefined, headers });
    return { status: response.statusCode, body: response.body ? response.json() : {}, headers: response.headers };
  }

  get socketUrl(): string {
    return `${this.url.replace('http', 'ws')}/conversations/ws`;
  }

  socket(caller: Caller, options: { autoPong?: boolean } = {}): Promise<WsTestClient> {
    return WsTestClient.connect(this.socketUrl, { authorization: `Bearer ${caller.token}` }, options);
  }

  /** Publishes as the service that owns the event's topic would. */
  async publish<T extends EventType>(type: T, subject: string, data: EventDataInput<T>): Promise<CloudEvent> {
    const event = createCloudEvent({ id: randomUUID(), type, subject, data, source: 'marketplace/test', time: new Date().toISOString() });
    this.producer ??= await this.bus.producer();
    await this.producer.send([{ topic: topicForType(type), key: event.subject, value: event }]);
    return event;
  }

  async close(options: { keepDatabase?: boolean } = {}): Promise<void> {
    await this.producer?.close();
    await this.bus.close();
    await this.service.app.close();
    if (options.keepDatabase) return;
    await this.issuer.close();
    await this.database.drop();
  }
}
