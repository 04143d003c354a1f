import { BACKEND_SERVICES } from '@marketplace/platform';
import { createTestDatabase, ensureBuilt, ServiceCluster, testInfrastructure, type TestDatabase } from '@marketplace/testing';
import { randomBytes } from 'node:crypto';
import { HttpClient } from './http-client';
import { IdentitySigningKey } from './signing-key';

export interface E2eStack {
  /** The gateway's public API, `/api/v1`. */
  api: HttpClient;
  /** Identity directly, without the gateway. */
  identity: HttpClient;
  databaseUrl: string;
  kafkaBrokers?: string[];
  admin: { email: string; password: string };
  signingKey: IdentitySigningKey;
  stop(): Promise<void>;
}

/**
 * Identity and the gateway as separate processes on a fresh database (and Kafka when the run has it),
 * with a bootstrapped admin. The other services are not started: the gateway is ready without them.
 * Rate limits are raised out of the way; tests about them set their own. `identityEnv` adds to identity's
 * environment (e.g. its OpenID Connect providers).
 */
export async function startE2eStack(label: string, gatewayEnv: Record<string, string> = {}, identityEnv: Record<string, string> = {}): Promise<E2eStack> {
  await ensureBuilt();
  const database: TestDatabase = await createTestDatabase(`e2e_${label}`);
  const { kafkaBrokers } = testInfrastructure();
  const admin = { email: `admin-${randomBytes(4).toString('hex')}@example.com`, password: `Admin-${randomBytes(12).toString('base64url')}` };
  const signingKey = await IdentitySigningKey.generate();
  let cluster: ServiceCluster;
  try {
    cluster = await ServiceCluster.start({
      label,
      databaseUrl: database.url,
      kafkaBrokers,
      backends: [{ app: 'identity', env: { ADMIN_EMAIL: admin.email, ADMIN_PASSWORD: admin.password, JWT_PRIVATE_KEYS: signingKey.privateKeysEnv, ...identityEnv } }],
      gateway: {
        absent: BACKEND_SERVICES.filter((service) => service !== 'identity'),
        env: { RATE_LIMIT_IP_MAX: '100000', RATE_LIMIT_USER_MAX: '100000', ...gatewayEnv },
      },
    });
  } catch (error) {
    await database.drop();
    throw error;
  }
  return {
    api: new HttpClient(`${cluster.url('gateway')}/api/v1`),
    identity: new HttpClient(cluster.url('identity')),
    databaseUrl: database.url,
    kafkaBrokers,
    admin,
    signingKey,
    async stop() {
      const problems = cluster.describeProblems();
      await cluster.stop();
      await database.drop();
      if (problems) throw new Error(problems);
    },
  };
}
