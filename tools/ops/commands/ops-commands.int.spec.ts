import { PostgresEventStore } from '@marketplace/event-store';
import { ProjectionEngine } from '@marketplace/projections';
import { createTestDatabase, type TestDatabase, waitFor } from '@marketplace/testing';
import knexFactory, { type Knex } from 'knex';
import { Client } from 'pg';
import { ORDERS_PROJECTIONS } from '../../../apps/orders/src/ops-manifest';
import { captureOps } from '../testing/captured-run';
import { appendOrder } from '../testing/order-history';

// Orders in the log before the tests start: enough for a rebuild to take a while under traffic.
const HISTORY = 300;

describe('ops commands against a real PostgreSQL', () => {
  let db: TestDatabase;
  let env: NodeJS.ProcessEnv;
  let store: PostgresEventStore;
  let knex: Knex;
  const orders: string[] = [];

  beforeAll(async () => {
    db = await createTestDatabase('ops_commands');
    env = { DATABASE_URL: db.url };
    store = new PostgresEventStore({ connectionString: db.url, schema: 'orders' });
    await store.migrate();
    knex = knexFactory({ client: 'pg', connection: db.url, pool: { min: 0, max: 8 } });
    for (let i = 0; i < HISTORY; i += 1) orders.push(await appendOrder(store, new Date(Date.UTC(2026, 2, 1, 12, i))));
  });

  afterAll(async () => {
    await knex.destroy();
    await store.close();
    await db.drop();
  });

  it('lists streams by category with counts, and filters by category', async () => {
    const all = await captureOps(['streams', 'list'], env);
    expect(all.code).toBe(0);
    expect(all.stdout).toMatch(/SERVICE\s+CATEGORY\s+STREAMS\s+EVENTS\norders\s+order\s+300\s+600\n/);
    expect((await captureOps(['streams', 'list', '--category', 'payment'], env)).stdout).toBe('No streams of category "payment".\n');
  });

  it("shows a stream's events a page at a time", async () => {
    const first = await captureOps(['streams', 'show', `order-${orders[0]}`, '--limit', '1'], env);
    expect(first.stdout).toMatch(new RegExp(`^order-${orders[0]} \\(orders\\)\\nREVISION.*\\n0\\s+OrderPlaced\\s+\\S+Z\\s+\\S+\\s+\\{.*"orderId":"${orders[0]}".*\\nMore: --after 0\\n$`));
    const second = await captureOps(['streams', 'show', `order-${orders[0]}`, '--after', '0'], env);
    expect(second.stdout).toMatch(/\n1\s+OrderConfirmed\s/);
    expect(second.stdout).not.toContain('More:');
    expect(await captureOps(['streams', 'show', 'order-unknown'], env)).toMatchObject({ code: 1, stderr: expect.stringContaining('no stream "order-unknown"') });
  });

  it("folds an order's events up to a moment through the orders decider", async () => {
    const stream = `order-${orders[0]}`;
    const [placed] = await store.readStream(stream, { maxCount: 1 });
    const asPlaced = JSON.parse((await captureOps(['aggregate', stream, '--as-of', placed.recordedAt.toISOString()], env)).stdout);
    // Both events are appended in one transaction, so they share a time: before it there is nothing.
    expect(asPlaced).toMatchObject({ stream, service: 'orders', revision: 1, state: { status: 'confirmed' } });
    const before = JSON.parse((await captureOps(['aggregate', stream, '--as-of', new Date(placed.recordedAt.getTime() - 1).toISOString()], env)).stdout);
    expect(before).toMatchObject({ revision: null, state: { status: 'none' }, events: [] });
  });

  it('rebuilds under live traffic while the service runs its projection: the read model answers throughout and loses nothing', async () => {
    const live = new ProjectionEngine({ knex, eventStore: store, schema: 'orders', projections: ORDERS_PROJECTIONS, flushDelayMs: 5, lockRetryMs: 100 });
    await live.migrate();
    live.start();
    try {
      await waitFor(async () => (await summaries(knex)) === orders.length, { timeoutMs: 30_000 });
      const beforeRebuild = orders.length;
      let writing = true;
      let readFailures = 0;
      const writer = (async () => {
        while (writing) orders.push(await appendOrder(store, new Date()));
      })();
      const reader = (async () => {
        while (writing) await summaries(knex).catch(() => (readFailures += 1));
      })();
      const rebuild = await captureOps(['projections', 'rebuild', 'order-read-model'], env, { tty: true });
      writing = false;
      await Promise.all([writer, reader]);
      expect(rebuild).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Rebuilt order-read-model \(orders\) from \d+ events/) });
      expect(rebuild.stderr).toMatch(/events\/s/);
      expect(readFailures).toBe(0);
      expect(orders.length).toBeGreaterThan(beforeRebuild);
      await waitFor(async () => (await summaries(knex)) === orders.length, { timeoutMs: 30_000 });
      const status = await captureOps(['projections', 'status'], env);
      expect(status.stdout).toMatch(/orders\s+order-read-model\s+1\s+\d+\s+\d+\s+0\s+running in /);
      expect(status.stdout).toContain('Consumer groups (embedded bus in PostgreSQL)');
    } finally {
      await live.stop();
    }
  });

  it('refuses a second rebuild while one runs, naming the session that holds it', async () => {
    const holder = new Client({ connectionString: db.url, application_name: 'rebuild-in-another-terminal' });
    await holder.connect();
    try {
      await holder.query(`SELECT pg_advisory_lock(hashtext('marketplace.projections'), hashtext('rebuild:orders.order-read-model'))`);
      const refused = await captureOps(['projections', 'rebuild', 'order-read-model'], env);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/^projections rebuild: A rebuild of projection "order-read-model" is already running, by rebuild-in-another-terminal \(PostgreSQL backend \d+/);
    } finally {
      await holder.end();
    }
  });

  it('an interrupted rebuild leaves the live model as it was, and runs again', async () => {
    const before = await summaries(knex);
    const interrupted = await captureOps(['projections', 'rebuild', 'order-read-model'], env, { signal: AbortSignal.abort(new Error('interrupted')) });
    expect(interrupted).toMatchObject({ code: 1, stderr: expect.stringContaining('interrupted: the shadow tables were dropped') });
    const { rows } = await knex.raw(`SELECT to_regclass('orders.order_summaries__rebuild') AS shadow`);
    expect(rows[0].shadow).toBeNull();
    expect(await summaries(knex)).toBe(before);
    expect((await captureOps(['projections', 'rebuild', 'order-read-model'], env)).code).toBe(0);
    expect(await summaries(knex)).toBe(before);
  });

  it('refuses an unknown projection with the known ones', async () => {
    const run = await captureOps(['projections', 'rebuild', 'nope'], env);
    expect(run).toMatchObject({ code: 1, stderr: expect.stringContaining('unknown projection "nope"; projections: order-read-model (orders)') });
  });
});

async function summaries(knex: Knex): Promise<number> {
  const { rows } = await knex.raw<{ rows: { count: string }[] }>('SELECT count(*) FROM orders.order_summaries');
  return Number(rows[0].count);
}
