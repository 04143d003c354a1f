import { Client } from 'pg';
import { createTestDatabase, type TestDatabase } from '../test-database';
import { testInfrastructure } from '../infrastructure';
import { ensureBuilt } from './ensure-built';
import { ServiceCluster } from './service-cluster';

const BACKENDS_NOT_STARTED = ['catalog', 'orders', 'payments', 'search', 'notifications', 'ops'];

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('ServiceCluster (identity and the gateway as processes)', () => {
  let database: TestDatabase;
  let cluster: ServiceCluster | undefined;

  beforeAll(async () => {
    await ensureBuilt();
    database = await createTestDatabase('cluster');
  });

  afterAll(async () => {
    await cluster?.stop();
    await database?.drop();
  });

  it("starts identity with the cluster's delivery key, then the gateway routing to it, each ready; stop() ends both", async () => {
    cluster = await ServiceCluster.start({
      label: 'cluster',
      databaseUrl: database.url,
      kafkaBrokers: testInfrastructure().kafkaBrokers,
      backends: [{ app: 'identity' }],
      gateway: { absent: BACKENDS_NOT_STARTED },
    });
    expect((await fetch(`${cluster.url('identity')}/ready`)).status).toBe(200);
    const ready = await fetch(`${cluster.url('gateway')}/ready`);
    const details = ((await ready.json()) as { error?: { details: { field: string }[] } }).error?.details ?? [];
    expect(details.map((d) => d.field).sort()).toEqual([...BACKENDS_NOT_STARTED].sort());

    // Identity seals under the cluster's key id, and generated no key of its own: it was given the key.
    const signUp = { email: 'cluster@example.com', password: 'a long passphrase 1', name: 'Cluster' };
    const registered = await fetch(`${cluster.url('identity')}/auth/register`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(signUp) });
    expect(registered.status).toBe(201);
    const identityDb = new Client({ connectionString: database.url });
    await identityDb.connect();
    try {
      const sealed = await identityDb.query(`select event->'data'->>'keyId' as key_id from identity.outbox where event->>'type' = 'marketplace.identity.EmailVerificationRequested.v1'`);
      expect(sealed.rows).toEqual([{ key_id: cluster.secrets.DELIVERY_SEAL_KEY_ID }]);
      expect((await identityDb.query(`select name from identity.generated_keys where name = 'delivery_seal_key'`)).rows).toEqual([]);
    } finally {
      await identityDb.end();
    }

    const pids = [cluster.process('identity').pid, cluster.process('gateway').pid] as number[];
    expect(pids.every(isAlive)).toBe(true);
    await cluster.stop();
    expect(pids.some(isAlive)).toBe(false);
    expect(cluster.describeProblems()).toBeUndefined();
  });
});
