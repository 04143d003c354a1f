import { BACKEND_SERVICES, SERVICE_NAMES, serviceUrlVariable } from '@marketplace/platform';
import { createTestDatabase, ensureBuilt, freePort, ServiceCluster, testInfrastructure, type TestDatabase } from '@marketplace/testing';
import { createMessageBus, type MessageBus } from '@marketplace/messaging';
import knex, { type Knex } from 'knex';
import { randomBytes } from 'node:crypto';
import { HttpClient } from './http-client';

/** The services a checkout needs behind the gateway (the default set); search and notifications are left out. */
export const CHECKOUT_SERVICES = ['catalog', 'orders', 'payments'] as const;
export type StackService = 'catalog' | 'orders' | 'payments' | 'search' | 'notifications';

export interface MarketplaceStackOptions {
  label: string;
  /** The services besides identity and the gateway (default CHECKOUT_SERVICES). */
  services?: readonly StackService[];
  /** Extra environment per service (e.g. a short payment timeout for orders, a webhook secret for payments). */
  env?: Partial<Record<StackService | 'gateway', Record<string, string>>>;
  /** KAFKA_TOPIC_PREFIX of every service and of `bus()`: the stack's own topics on a shared broker. */
  kafkaTopicPrefix?: string;
  /** Also start the ops server (tools/ops/server) behind the gateway, after it, knowing every process's URL. */
  ops?: boolean;
}

/**
 * Identity, the gateway and the chosen services (catalog, orders, payments by default), each its own OS process on a fresh database (and
 * Kafka when the run has a broker), with a bootstrapped admin; the services check tokens against
 * identity's JWKS. `kill` and `restart` stand in for a crash and a restart of one service.
 */
export class MarketplaceStack {
  private constructor(
    readonly api: HttpClient,
    /** The test database, to count from the event stores and the catalog's tables. */
    readonly db: Knex,
    readonly admin: { email: string; password: string },
    private readonly database: TestDatabase,
    private readonly identity: ServiceCluster,
    private readonly services: ServiceCluster,
    private readonly kafkaTopicPrefix?: string,
    private readonly ops?: ServiceCluster,
  ) {}

  static async start(options: MarketplaceStackOptions): Promise<MarketplaceStack> {
    await ensureBuilt();
    const database = await createTestDatabase(`e2e_${options.label}`);
    const { kafkaBrokers } = testInfrastructure();
    const admin = { email: `admin-${randomBytes(4).toString('hex')}@example.com`, password: `Admin-${randomBytes(12).toString('base64url')}` };
    const clusters: ServiceCluster[] = [];
    const apps: readonly StackService[] = options.services ?? CHECKOUT_SERVICES;
    const namespace = options.kafkaTopicPrefix ? { KAFKA_TOPIC_PREFIX: options.kafkaTopicPrefix } : {};
    try {
      const identity = await ServiceCluster.start({
        label: `${options.label}-identity`,
        databaseUrl: database.url,
        kafkaBrokers,
        backends: [{ app: 'identity', env: { ADMIN_EMAIL: admin.email, ADMIN_PASSWORD: admin.password, ...namespace } }],
      });
      clusters.push(identity);
      const identityUrl = identity.url('identity');
      // The gateway starts first and routes admin/ops to this port, where the ops server comes up after it.
      const opsUrl = options.ops ? `http://127.0.0.1:${await freePort()}` : undefined;
      const services = await ServiceCluster.start({
        label: options.label,
        // Notifications opens the links identity seals: one delivery key for both clusters.
        secrets: identity.secrets,
        databaseUrl: database.url,
        kafkaBrokers,
        backends: apps.map((app) => ({ app, env: { IDENTITY_URL: identityUrl, ...namespace, ...options.env?.[app] } })),
        gateway: {
          absent: BACKEND_SERVICES.filter((service) => service !== 'identity' && !(apps as readonly string[]).includes(service)),
          env: { IDENTITY_URL: identityUrl, RATE_LIMIT_IP_MAX: '1000000', RATE_LIMIT_USER_MAX: '1000000', ...(opsUrl && { OPS_URL: opsUrl }), ...options.env?.gateway },
        },
      });
      clusters.push(services);
      const ops = opsUrl ? await startOps(options.label, database.url, kafkaBrokers, namespace, opsUrl, { identity: identityUrl, ...serviceUrls(services, ['gateway', ...apps]) }) : undefined;
      if (ops) clusters.push(ops);
      const db = knex({ client: 'pg', connection: database.url, pool: { min: 0, max: 4 } });
      return new MarketplaceStack(new HttpClient(`${services.url('gateway')}/api/v1`), db, admin, database, identity, services, options.kafkaTopicPrefix, ops);
    } catch (error) {
      for (const cluster of clusters.reverse()) await cluster.stop();
      await database.drop();
      throw error;
    }
  }

  /** The bus the services use (Kafka when the run has a broker, else the embedded bus in the stack's database), for a test that plays a service. */
  bus(clientId: string): MessageBus {
    return createMessageBus({ clientId, kafkaBrokers: testInfrastructure().kafkaBrokers, kafkaTopicPrefix: this.kafkaTopicPrefix, databaseUrl: this.database.url });
  }

  /** The gateway's base URL (for stream and WebSocket clients). */
  get gatewayUrl(): string {
    return this.services.url('gateway');
  }

  /** SIGKILL: the service dies as in a crash. */
  kill(service: StackService): Promise<void> {
    return this.services.kill(service);
  }

  /** SIGKILL, then a start with the same environment and port: a crash and a restart (`ops`: the ops server). */
  restart(service: StackService | 'ops'): Promise<void> {
    if (service !== 'ops') return this.services.restart(service);
    if (!this.ops) throw new Error('this stack runs no ops server (start it with ops: true)');
    return this.ops.restart('ops');
  }

  /** The stack's database, for a test that writes where a service would. */
  get databaseUrl(): string {
    return this.database.url;
  }

  async stop(): Promise<void> {
    const problems = [this.ops?.describeProblems(), this.services.describeProblems(), this.identity.describeProblems()].filter(Boolean);
    await this.ops?.stop();
    await this.services.stop();
    await this.identity.stop();
    await this.db.destroy();
    await this.database.drop();
    if (problems.length > 0) throw new Error(problems.join('\n'));
  }
}

function serviceUrls(cluster: ServiceCluster, apps: readonly string[]): Record<string, string> {
  return Object.fromEntries(apps.map((app) => [app, cluster.url(app)]));
}

/** The ops server at `url`, told where each started process answers; those not started answer nowhere. */
async function startOps(label: string, databaseUrl: string, kafkaBrokers: string[] | undefined, namespace: Record<string, string | undefined>, url: string, urls: Record<string, string>): Promise<ServiceCluster> {
  const nowhere = `http://127.0.0.1:${await freePort()}`;
  const env = Object.fromEntries(SERVICE_NAMES.filter((name) => name !== 'ops').map((name) => [serviceUrlVariable(name), urls[name] ?? nowhere]));
  return ServiceCluster.start({ label: `${label}-ops`, databaseUrl, kafkaBrokers, backends: [{ app: 'ops', port: Number(new URL(url).port), env: { ...env, ...namespace } }] });
}
