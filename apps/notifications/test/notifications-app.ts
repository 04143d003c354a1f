import { TestTokenIssuer } from '@marketplace/auth';
import { type CloudEvent, createCloudEvent, type EventDataInput, type EventType, topicForType } from '@marketplace/contracts';
import { createMessageBus, type MessageBus, type Producer, startMessaging } from '@marketplace/messaging';
import { createLogger, createServiceApp, KNEX, parseConfig, type ServiceApp } from '@marketplace/platform';
import { createTestDatabase, type TestDatabase, WsTestClient } from '@marketplace/testing';
import type { Knex } from 'knex';
import { randomBytes, randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppModule } from '../src/app.module';
import { notificationsConfigSchema } from '../src/notifications-config';

export interface Caller {
  id: string;
  token: string;
}

export interface Json {
  status: number;
  body: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- response bodies are read field by field
  headers: Record<string, unknown>;
}

/**
 * The notifications service in-process on a fresh database with its own SERVICE_NAME, listening on a
 * free port (SSE and WebSocket clients connect to it). Tests play identity, orders and payments by publishing their
 * events on the embedded bus in the test's database (or Kafka when KAFKA_BROKERS is given).
 */
export class NotificationsTestApp {
  private producer?: Producer;

  private constructor(
    readonly service: ServiceApp,
    readonly database: TestDatabase,
    readonly issuer: TestTokenIssuer,
    readonly bus: MessageBus,
    readonly serviceName: string,
  ) {}

  /** With `sameAs`, a second instance of that one: same database, schema, consumer group and token issuer. */
  static async start(env: Record<string, string> = {}, sameAs?: NotificationsTestApp): Promise<NotificationsTestApp> {
    const shared = sameAs && { database: sameAs.database, issuer: sameAs.issuer };
    const database = shared?.database ?? (await createTestDatabase('notifications'));
    const issuer = shared?.issuer ?? (await TestTokenIssuer.start());
    const config = parseConfig(notificationsConfigSchema, {
      SERVICE_NAME: sameAs?.serviceName ?? `notifications-${randomBytes(3).toString('hex')}`,
      PORT: '0',
      DATABASE_URL: database.url,
      JWKS_URL: issuer.jwksUrl,
      NOTIFY_DISPATCH_INTERVAL_MS: '50',
      NOTIFY_RETRY_INITIAL_MS: '100',
      // Without SMTP_URL mail is written as files: into the temp folder, not the repository's .data.
      MAIL_DIR: join(tmpdir(), 'marketplace-test-mail'),
      ...env,
    });
    const service = await createServiceApp(AppModule, config, createLogger({ service: 'notifications', level: (process.env.TEST_LOG_LEVEL as 'silent' | undefined) ?? 'silent' }));
    await startMessaging(service.app);
    await service.app.listen({ port: 0, host: '127.0.0.1' });
    const bus = createMessageBus({ clientId: 'notifications-test', kafkaBrokers: config.KAFKA_BROKERS, databaseUrl: database.url });
    return new NotificationsTestApp(service, database, issuer, bus, config.SERVICE_NAME);
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

  async call(method: 'GET' | 'POST' | 'PUT', url: string, options: { body?: unknown; as?: Caller; headers?: Record<string, string> } = {}): Promise<Json> {
    const response = await this.service.app.inject({
      method,
      url,
      payload: options.body === undefined ? undefined : (options.body as object),
      headers: { ...(options.as ? { authorization: `Bearer ${options.as.token}` } : {}), ...options.headers },
    });
    return { status: response.statusCode, body: response.body ? response.json() : {}, headers: response.headers };
  }

  get socketUrl(): string {
    return `${this.url.replace('http', 'ws')}/conversations/ws`;
  }

  /** A WebSocket client on the conversations endpoint, signed in as the caller. */
  socket(caller: Caller, options: { autoPong?: boolean } = {}): Promise<WsTestClient> {
    return WsTestClient.connect(this.socketUrl, { authorization: `Bearer ${caller.token}` }, options);
  }

  /** Publishes as the service that owns the event's topic would. */
  async publish<T extends EventType>(type: T, subject: string, data: EventDataInput<T>, id: string = randomUUID(), time = new Date()): Promise<CloudEvent> {
    const event = createCloudEvent({ id, type, subject, data, source: 'marketplace/test', time: time.toISOString() });
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
