import { DeliverySeal } from '@marketplace/auth';
import { type CloudEvent, type MarketplaceEvent, parseCloudEvent } from '@marketplace/contracts';
import { CLOCK, type Clock } from '@marketplace/kernel';
import { createLogger, createServiceApp, KNEX, parseConfig, schemaFor, type ServiceApp } from '@marketplace/platform';
import { createTestDatabase, type TestDatabase } from '@marketplace/testing';
import type { Knex } from 'knex';
import { AppModule } from '../src/app.module';
import { identityConfigSchema } from '../src/identity-config';

export const ADMIN = { email: 'admin@example.com', password: 'admin password for tests' };
export const PASSWORD = 'a long passphrase 1';

export interface IdentityTestApp {
  service: ServiceApp;
  database: TestDatabase;
  db: Knex;
  /** Starts another app on the same database (a restart, or a second instance). */
  restart(env?: Record<string, string>): Promise<ServiceApp>;
  close(): Promise<void>;
}

/** Identity on a fresh database of the test PostgreSQL, driven in-process with `inject`. */
/** `logLines`, when given, receives every log line at trace level instead of silence; `clock` replaces the system clock. */
export async function startIdentity(env: Record<string, string> = {}, logLines?: string[], clock?: Clock): Promise<IdentityTestApp> {
  const database = await createTestDatabase('identity');
  const apps: ServiceApp[] = [];
  const boot = async (extra: Record<string, string>) => {
    const config = parseConfig(identityConfigSchema, {
      SERVICE_NAME: 'identity',
      PORT: '0',
      DATABASE_URL: database.url,
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      // Cheaper hashing keeps the suite fast; the production profile is the default.
      ARGON2_MEMORY_KIB: '4096',
      ARGON2_TIME_COST: '1',
      ...env,
      ...extra,
    });
    const logger = logLines
      ? createLogger({ service: 'identity', level: 'trace', destination: { write: (line: string) => void logLines.push(line) } })
      : createLogger({ service: 'identity', level: 'silent' });
    // Providers given with the module are its own, so identity's services take this clock over the platform's.
    const module = clock ? { module: AppModule, providers: [{ provide: CLOCK, useValue: clock }] } : AppModule;
    const service = await createServiceApp(module, config, logger);
    apps.push(service);
    return service;
  };
  const service = await boot({});
  return {
    service,
    database,
    db: service.app.get<Knex>(KNEX),
    restart: (extra = {}) => boot(extra),
    close: async () => {
      for (const app of apps.reverse()) await app.app.close();
      await database.drop();
    },
  };
}

export async function outboxEvents(db: Knex, subject?: string): Promise<CloudEvent[]> {
  const query = db(`${schemaFor('identity')}.outbox`).orderBy('id').select<{ event: CloudEvent }[]>('event');
  const rows = await (subject ? query.where({ key: subject }) : query);
  return rows.map((row) => row.event);
}

/** The user's events as identity wrote them (validated, not upcast: the version it published). */
export async function publishedEvents(db: Knex, userId: string): Promise<MarketplaceEvent[]> {
  return (await outboxEvents(db, userId)).map((event) => parseCloudEvent(event, { upcast: 'none' }));
}

/** Opens a sealed link the way notifications will: with the delivery key kept in the identity schema in development mode. */
export function tokenOf(service: ServiceApp, event: CloudEvent): string {
  const { sealedLink } = event.data as { sealedLink: string };
  const link = new URL(service.app.get(DeliverySeal).open(sealedLink));
  return link.searchParams.get('token') ?? '';
}

export interface Json {
  status: number;
  body: Record<string, unknown> & { error?: { code: string; message: string; details: { field: string; message: string }[] } };
  headers: Record<string, unknown>;
}

export async function call(service: ServiceApp, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, options: { body?: unknown; token?: string; headers?: Record<string, string> } = {}): Promise<Json> {
  const response = await service.app.inject({
    method,
    url,
    payload: options.body === undefined ? undefined : (options.body as object),
    headers: { ...(options.token ? { authorization: `Bearer ${options.token}` } : {}), ...options.headers },
  });
  return { status: response.statusCode, body: response.body ? response.json() : {}, headers: response.headers };
}

let counter = 0;
/** A fresh email for each account a test makes. */
export function newEmail(label = 'user'): string {
  counter += 1;
  return `${label}.${Date.now()}.${counter}@example.com`;
}

export async function registerAndLogin(service: ServiceApp, email = newEmail()): Promise<{ email: string; userId: string; accessToken: string; refreshToken: string }> {
  const registered = await call(service, 'POST', '/auth/register', { body: { email, password: PASSWORD, name: 'Ada' } });
  if (registered.status !== 201) throw new Error(`register failed: ${JSON.stringify(registered.body)}`);
  const login = await call(service, 'POST', '/auth/login', { body: { email, password: PASSWORD } });
  if (login.status !== 200) throw new Error(`login failed: ${JSON.stringify(login.body)}`);
  return { email, userId: registered.body.id as string, accessToken: login.body.accessToken as string, refreshToken: login.body.refreshToken as string };
}
