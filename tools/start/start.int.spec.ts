import { randomUUID } from 'node:crypto';
import { chmod, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumBackend, describeEachBackend, ensureBuilt, freePorts, launchChromium, screenshotsDirectory, waitFor } from '@marketplace/testing';
import { DEMO_ADMIN } from './demo/demo-accounts';
import { StartProcess } from './start-process';

jest.setTimeout(300_000);

/** The variables that would point `npm start` at the shared test infrastructure instead of its embedded mode. */
const OUTSIDE = ['DATABASE_URL', 'KAFKA_BROKERS', 'REDIS_URL', 'STRIPE_SECRET_KEY', 'STRIPE_API_BASE', 'KURRENTDB_URL', 'ADMIN_EMAIL', 'ADMIN_PASSWORD', 'OTEL_EXPORTER_OTLP_ENDPOINT'];

async function call<T = unknown>(api: string, path: string, init: { json?: unknown; token?: string; headers?: Record<string, string> } = {}): Promise<{ status: number; body: T }> {
  const response = await fetch(`${api}${path}`, {
    method: init.json === undefined ? 'GET' : 'POST',
    headers: { ...(init.json !== undefined && { 'content-type': 'application/json' }), ...(init.token && { authorization: `Bearer ${init.token}` }), ...init.headers },
    body: init.json === undefined ? undefined : JSON.stringify(init.json),
  });
  return { status: response.status, body: (await response.json().catch(() => undefined)) as T };
}

type ProductPage = { items: unknown[]; nextCursor: string | null };

async function publishedProducts(api: string): Promise<number> {
  let count = 0;
  let cursor: string | null = null;
  do {
    const page: { body: ProductPage } = await call<ProductPage>(api, `/products?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    count += page.body.items.length;
    cursor = page.body.nextCursor;
  } while (cursor);
  return count;
}

describe('npm start, as a user runs it', () => {
  let dataDir: string;
  let env: NodeJS.ProcessEnv;
  let api: string;
  let running: StartProcess | undefined;

  beforeAll(async () => {
    await ensureBuilt();
    // Run as root, the embedded PostgreSQL runs as `postgres`, which must reach its folder.
    dataDir = await mkdtemp(join(tmpdir(), 'npm-start-'));
    await chmod(dataDir, 0o755);
    const [gateway, identity, catalog, orders, payments, search, notifications, ops, postgres] = await freePorts(9);
    env = { ...process.env, DATA_DIR: dataDir, LOG_FORMAT: 'json', EMBEDDED_PG_PORT: String(postgres), PORT: String(gateway) };
    Object.assign(env, { IDENTITY_PORT: identity, CATALOG_PORT: catalog, ORDERS_PORT: orders, PAYMENTS_PORT: payments, SEARCH_PORT: search, NOTIFICATIONS_PORT: notifications, OPS_PORT: ops });
    for (const name of Object.keys(env)) if (OUTSIDE.includes(name) || name.startsWith('TEST_')) delete env[name];
    api = `http://127.0.0.1:${gateway}/api/v1`;
  });

  afterEach(async () => {
    if (running) await running.interrupt();
    running = undefined;
  });

  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it('seeds the demo, lets the printed buyer check out, and stops with exit code 0 on Ctrl-C', async () => {
    const started = Date.now();
    running = new StartProcess(env);
    await running.line(/^press Ctrl-C to stop/, 180_000);
    const readyMs = Date.now() - started;
    expect(running.messages).toContainEqual(expect.stringMatching(/^demo data seeded in [\d.]+ s: 225 products, 21 orders, 450 reviews$/));
    expect((await stat(join(dataDir, 'runtime.json'))).isFile()).toBe(true);

    const [, email, password] = /^\s+buyer\s+(\S+)\s+(\S+)/.exec(await running.line(/^\s+buyer\s/, 1000)) ?? [];
    const { body: session } = await call<{ accessToken: string }>(api, '/auth/login', { json: { email, password } });
    const token = session.accessToken;
    const { body: products } = await call<{ items: { id: string }[] }>(api, '/products?limit=1');
    expect((await call(api, '/cart/items', { json: { productId: products.items[0].id, quantity: 1 }, token })).status).toBe(200);
    const shippingAddress = { recipientName: 'Ann Baker', line1: 'Torstraße 101', city: 'Berlin', postalCode: '10119', country: 'DE' };
    const placed = await call<{ orderId: string }>(api, '/orders', { json: { fromCart: true, shippingAddress, paymentMethod: 'pm_card_visa' }, token, headers: { 'idempotency-key': randomUUID() } });
    expect(placed.status).toBe(202);
    const order = await waitFor(async () => {
      const { body } = await call<{ status: string; lines: unknown[] }>(api, `/orders/${placed.body.orderId}`, { token });
      return body.status === 'confirmed' ? body : undefined;
    }, { timeoutMs: 30_000, description: 'the order to be confirmed' });
    expect(order.lines).toHaveLength(1);
    const { body: payments } = await call(api, `/payments?orderId=${placed.body.orderId}`, { token });
    expect(JSON.stringify(payments)).toContain('captured');
    // The ops server runs too, behind the gateway, and sees every service up.
    const { body: adminSession } = await call<{ accessToken: string }>(api, '/auth/login', { json: { email: DEMO_ADMIN.email, password: DEMO_ADMIN.password } });
    const { status: opsStatus, body: services } = await call<{ items: { service: string; health: string }[] }>(api, '/admin/ops/services', { token: adminSession.accessToken });
    expect({ opsStatus, down: services.items.filter((item) => item.health !== 'up') }).toEqual({ opsStatus: 200, down: [] });
    process.stdout.write(`npm start: ready with the demo seeded in ${(readyMs / 1000).toFixed(1)} s\n`);

    expect(await running.interrupt()).toBe(0);
    running = undefined;
    await expect(stat(join(dataDir, 'runtime.json'))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('keeps the data on the next start and seeds nothing twice', async () => {
    running = new StartProcess(env);
    await running.line(/^press Ctrl-C to stop/, 120_000);
    expect(running.messages).toContainEqual(expect.stringMatching(/^demo data already seeded/));
    expect(await publishedProducts(api)).toBe(225);
    expect(await running.interrupt()).toBe(0);
    running = undefined;
  });

  describeEachBackend('npm start: the console on the demo', [chromiumBackend()], (chromiumPath) => {
    it('prints the console, where the demo admin signs in and sees the demo orders drawn', async () => {
      running = new StartProcess(env);
      await running.line(/^press Ctrl-C to stop/, 120_000);
      const consoleUrl = /admin console\s+(\S+)/.exec(await running.line(/admin console/, 1000))?.[1];
      expect(consoleUrl).toBe(api.replace(/\/api\/v1$/, '/console'));
      const { body: session } = await call<{ accessToken: string }>(api, '/auth/login', { json: { email: DEMO_ADMIN.email, password: DEMO_ADMIN.password } });
      // The overview's default range: the 30 UTC days up to today, in the demo's currency.
      const today = Date.parse(new Date().toISOString().slice(0, 10));
      const range = `from=${new Date(today - 29 * 86_400_000).toISOString()}&to=${new Date(today + 86_400_000).toISOString()}&granularity=day&currency=EUR`;
      const { body: sales } = await call<{ items: { placedOrders: number; gmv: { amount: number } }[] }>(api, `/admin/analytics/sales?${range}`, { token: session.accessToken });
      const placed = sales.items.reduce((sum, item) => sum + item.placedOrders, 0);
      expect(placed).toBeGreaterThanOrEqual(21);

      const browser = await launchChromium(chromiumPath());
      try {
        const page = await browser.context.newPage();
        await page.goto(consoleUrl ?? '');
        await page.getByLabel('Email').fill(DEMO_ADMIN.email);
        await page.getByLabel('Password').fill(DEMO_ADMIN.password);
        await page.getByRole('button', { name: 'Sign in' }).click();
        await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
        const drawn = async (title: string) => {
          const marks = page.locator('figure.chart').filter({ has: page.locator('figcaption', { hasText: title }) }).locator('.mark');
          await marks.first().waitFor({ state: 'attached' });
          return (await marks.evaluateAll((elements) => elements.map((element) => Number(element.getAttribute('data-value'))))).reduce((sum, value) => sum + value, 0);
        };
        expect({ gmv: await drawn('GMV per day (EUR)'), orders: await drawn('Orders per day (EUR)') }).toEqual({ gmv: sales.items.reduce((sum, item) => sum + item.gmv.amount, 0), orders: placed });
        await page.screenshot({ path: join(screenshotsDirectory(), 'demo-overview.png'), fullPage: true });
      } finally {
        await browser.close();
      }
    });
  });
});
