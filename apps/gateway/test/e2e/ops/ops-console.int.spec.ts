import { randomUUID } from 'node:crypto';
import { opsActionRecorded, TOPICS } from '@marketplace/contracts';
import { PostgresEventStore } from '@marketplace/event-store';
import { uniqueName, waitFor } from '@marketplace/testing';
import { errorBodySchema } from '../support/error-body';
import type { HttpAnswer } from '../support/http-client';
import { MarketplaceActors } from '../support/marketplace-actors';
import { MarketplaceStack } from '../support/marketplace-stack';
import { expectOk } from '../support/users';

jest.setTimeout(300_000);

interface Rebuild {
  id: string;
  status: string;
  processed: number;
  total: number;
  requestedBy: string;
  error: string | null;
}

/**
 * The ops server behind the gateway, as the admin console uses it: the checkout services, identity, the
 * gateway and the ops server as processes (on Kafka when the run has a broker, under a prefix of its own).
 */
describe('gateway e2e: the ops server under admin/ops', () => {
  let stack: MarketplaceStack;
  let admin: { id: string; token: string };
  let buyer: { token: string };
  let rebuildId: string;
  // An event consumers cannot read (its data is not an OrderPlaced): catalog and payments dead-letter it.
  const poison = { id: randomUUID(), orderId: 'not-an-order-id' };

  const as = (token: string, path: string, method = 'GET') => stack.api.request(`/admin/ops${path}`, { method, token });
  const ok = async <T>(answer: Promise<HttpAnswer>, status = 200): Promise<T> => {
    const resolved = await answer;
    expectOk(resolved, status, 'ops request');
    return resolved.body as T;
  };
  const expectError = async (answer: Promise<HttpAnswer>, status: number, code?: string) => {
    const resolved = await answer;
    expect({ status: resolved.status, body: errorBodySchema.safeParse(resolved.body).success }).toEqual({ status, body: true });
    if (code) expect((resolved.body as { error: { code: string } }).error.code).toBe(code);
  };

  beforeAll(async () => {
    stack = await MarketplaceStack.start({ label: 'ops', ops: true, kafkaTopicPrefix: `${uniqueName('e2e-ops')}.` });
    const people = new MarketplaceActors(stack);
    const adminToken = await people.admin();
    admin = { token: adminToken, id: (await ok<{ id: string }>(stack.api.get('/me', adminToken))).id };
    const seller = await people.seller();
    const productId = await people.product(seller, { onHand: 5 });
    const shopper = await people.buyer();
    buyer = shopper;
    expect(await people.finalOrder(shopper, await people.checkout(shopper, productId))).toMatchObject({ status: 'confirmed' });
    const bus = stack.bus('ops-e2e');
    try {
      const producer = await bus.producer();
      const event = { specversion: '1.0', id: poison.id, source: 'marketplace/orders', type: 'marketplace.orders.OrderPlaced.v1', subject: poison.orderId, time: new Date().toISOString(), datacontenttype: 'application/json', data: { orderId: poison.orderId } };
      await producer.send([{ topic: TOPICS.ordersOrder, key: poison.orderId, value: Buffer.from(JSON.stringify(event)), headers: { 'ce-id': poison.id, 'ce-type': event.type } }]);
      await producer.close();
    } finally {
      await bus.close();
    }
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('answers a buyer 403 on every ops route', async () => {
    const routes: [string, string][] = [
      ['GET', '/services'],
      ['GET', '/projections'],
      ['POST', '/projections/orders/order-read-model/rebuild'],
      ['GET', `/rebuilds/${randomUUID()}`],
      ['GET', '/dead-letters'],
      ['POST', `/dead-letters/${TOPICS.ordersOrder}/${poison.id}/replay`],
      ['GET', '/audit'],
    ];
    for (const [method, path] of routes) await expectError(as(buyer.token, path, method), 403, 'forbidden');
  });

  it('shows every service with its health, readiness and traffic', async () => {
    const { items } = await ok<{ items: { service: string; health: string; ready: boolean | null; requestsPerSecond: number | null; errorRate: number | null; p99Ms: number | null }[] }>(as(admin.token, '/services'));
    const byName = Object.fromEntries(items.map((item) => [item.service, item]));
    expect(Object.keys(byName).sort()).toEqual(['catalog', 'gateway', 'identity', 'notifications', 'orders', 'payments', 'search']);
    for (const service of ['gateway', 'identity', 'catalog', 'orders']) {
      // The gateway is ready only when every service is, and search and notifications are not part of this stack.
      const ready = service !== 'gateway';
      expect(byName[service]).toEqual({ service, health: 'up', ready, requestsPerSecond: expect.any(Number), errorRate: expect.any(Number), p99Ms: expect.any(Number) });
      expect(byName[service].requestsPerSecond).toBeGreaterThan(0);
    }
    expect(byName.payments).toMatchObject({ health: 'up', ready: true, requestsPerSecond: expect.any(Number) });
    expect(byName.search).toEqual({ service: 'search', health: 'down', ready: null, requestsPerSecond: null, errorRate: null, p99Ms: null });
  });

  it('shows the projections with their lag and the consumer groups, and rebuilds order-read-model to the end', async () => {
    const status = await ok<{ projections: { service: string; name: string; lag: number | null; head: number | null; state: string }[]; consumerGroups: { group: string; topic: string; lag: number }[] }>(
      as(admin.token, '/projections'),
    );
    expect(status.projections).toContainEqual(expect.objectContaining({ service: 'orders', name: 'order-read-model', lag: expect.any(Number), head: expect.any(Number), state: 'running' }));
    expect(status.consumerGroups.some((group) => group.topic.endsWith(TOPICS.ordersOrder) && typeof group.lag === 'number')).toBe(true);

    const started = await ok<Rebuild>(as(admin.token, '/projections/orders/order-read-model/rebuild', 'POST'), 202);
    expect(started).toMatchObject({ service: 'orders', projection: 'order-read-model', requestedBy: admin.id, finishedAt: null, error: null });
    const done = await waitFor(
      async () => {
        const view = await ok<Rebuild>(as(admin.token, `/rebuilds/${started.id}`));
        return view.status === 'running' ? undefined : view;
      },
      { timeoutMs: 120_000, intervalMs: 250, description: 'the rebuild to end' },
    );
    expect(done).toMatchObject({ id: started.id, status: 'succeeded', finishedAt: expect.any(String) });
    rebuildId = started.id;
    expect(done.processed).toBeGreaterThan(0);
    expect(done.processed).toBe(done.total);
    const after = await ok<{ projections: { name: string; rebuild: Rebuild | null }[] }>(as(admin.token, '/projections'));
    expect(after.projections.find((p) => p.name === 'order-read-model')?.rebuild).toMatchObject({ id: started.id, status: 'succeeded' });
  });

  it('refuses a rebuild while another process holds the projection, and bad or unknown names', async () => {
    // As a rebuild in another process would: its lock, held for this transaction.
    await stack.db.transaction(async (trx) => {
      await trx.raw(`SELECT pg_advisory_xact_lock(hashtext('marketplace.projections'), hashtext('rebuild:orders.order-read-model'))`);
      await expectError(as(admin.token, '/projections/orders/order-read-model/rebuild', 'POST'), 409, 'rebuild_running');
    });
    await expectError(as(admin.token, '/projections/orders/no-such-model/rebuild', 'POST'), 404, 'not_found');
    await expectError(as(admin.token, '/projections/orders/Not%20A%20Name/rebuild', 'POST'), 400);
    await expectError(as(admin.token, '/rebuilds/not-a-uuid'), 400);
    await expectError(as(admin.token, `/rebuilds/${randomUUID()}`), 404, 'not_found');
  });

  it('lists the dead letter and replays it once', async () => {
    type Letter = { id: string; topic: string; place: string; eventId: string | null; type: string | null; consumerGroup: string | null; error: string; replayedAt: string | null };
    const letters = await waitFor(
      async () => {
        const { items } = await ok<{ items: Letter[] }>(as(admin.token, `/dead-letters?topic=${TOPICS.ordersOrder}`));
        const mine = items.filter((letter) => letter.eventId === poison.id);
        return mine.length === 2 ? mine : undefined;
      },
      { timeoutMs: 120_000, intervalMs: 1000, description: 'catalog and payments to dead-letter the poison event' },
    );
    expect(letters.map((letter) => letter.consumerGroup?.replace(/^.*\./, '')).sort()).toEqual(['catalog', 'payments']);
    expect(letters[0]).toMatchObject({ id: poison.id, topic: TOPICS.ordersOrder, type: 'marketplace.orders.OrderPlaced.v1', error: expect.stringContaining('InvalidEventError'), replayedAt: null });

    // Both groups' letters of the event go back as one message; still invalid, it comes back as new letters.
    expect(await ok(as(admin.token, `/dead-letters/${TOPICS.ordersOrder}/${poison.id}/replay`, 'POST'))).toEqual({ replayed: 1 });
    await expectError(as(admin.token, `/dead-letters/${TOPICS.ordersOrder}/${encodeURIComponent(letters[0].place)}/replay`, 'POST'), 409, 'already_replayed');
    await expectError(as(admin.token, `/dead-letters/${TOPICS.ordersOrder}/no-such-letter/replay`, 'POST'), 404, 'not_found');
    await expectError(as(admin.token, '/dead-letters?topic=not%20a%20topic'), 400);
    const { items } = await ok<{ items: Letter[] }>(as(admin.token, `/dead-letters?topic=${TOPICS.ordersOrder}`));
    expect(items.filter((letter) => letter.eventId === poison.id && letter.replayedAt !== null)).toHaveLength(2);
  });

  it("lists the admin's actions newest first, with who and on what", async () => {
    type Action = { id: string; action: string; outcome: string; adminId: string; at: string; target: string; details: Record<string, unknown> };
    const { items, nextCursor } = await ok<{ items: Action[]; nextCursor: string | null }>(as(admin.token, '/audit'));
    expect(nextCursor).toBeNull();
    expect(items.map((item) => [item.action, item.outcome])).toEqual([
      ['dead_letter_replayed', 'succeeded'],
      ['rebuild_finished', 'succeeded'],
      ['rebuild_requested', 'accepted'],
    ]);
    for (const item of items) expect(item).toMatchObject({ adminId: admin.id, at: expect.stringMatching(/^\d{4}-\d\d-\d\dT.*Z$/) });
    expect(items[0]).toMatchObject({ target: `dead letter ${TOPICS.ordersOrder}.dlq/${poison.id}`, details: { replayed: 1 } });
    expect(items[2].target).toBe('projection orders/order-read-model');
    const older = await ok<{ items: Action[]; nextCursor: string | null }>(as(admin.token, '/audit?limit=1'));
    expect(older.items.map((item) => item.id)).toEqual([items[0].id]);
    const rest = await ok<{ items: Action[] }>(as(admin.token, `/audit?limit=5&cursor=${older.nextCursor}`));
    expect(rest.items.map((item) => item.id)).toEqual([items[1].id, items[2].id]);
    await expectError(as(admin.token, '/audit?cursor=not-a-cursor'), 400);
  });

  it('keeps ended rebuilds across a restart of the ops server, and records one that a crash left unended as interrupted', async () => {
    // What a crash of the ops server during a rebuild leaves in its audit stream: the request, no end.
    const orphan = randomUUID();
    const store = new PostgresEventStore({ connectionString: stack.databaseUrl, schema: 'ops' });
    try {
      const data = opsActionRecorded.schema.parse({
        actionId: randomUUID(),
        action: 'rebuild_requested',
        outcome: 'accepted',
        adminId: admin.id,
        target: 'projection orders/order-read-model',
        details: { rebuildId: orphan, service: 'orders', projection: 'order-read-model' },
        recordedAt: new Date().toISOString(),
      });
      await store.appendToStream('ops-audit', [{ id: data.actionId, type: opsActionRecorded.name, data }], { expectedRevision: 'any' });
    } finally {
      await store.close();
    }

    await stack.restart('ops');
    expect(await ok<Rebuild>(as(admin.token, `/rebuilds/${rebuildId}`))).toMatchObject({ id: rebuildId, status: 'succeeded', error: null });
    const interrupted = await ok<Rebuild>(as(admin.token, `/rebuilds/${orphan}`));
    expect(interrupted).toMatchObject({ id: orphan, status: 'failed', requestedBy: admin.id, finishedAt: expect.any(String), error: expect.stringContaining('interrupted') });
    const { items } = await ok<{ items: { action: string; outcome: string; adminId: string; details: Record<string, unknown> }[] }>(as(admin.token, '/audit?limit=1'));
    expect(items[0]).toMatchObject({ action: 'rebuild_finished', outcome: 'failed', adminId: admin.id, details: { rebuildId: orphan, error: interrupted.error } });
    const { projections } = await ok<{ projections: { name: string; rebuild: Rebuild | null }[] }>(as(admin.token, '/projections'));
    expect(projections.find((p) => p.name === 'order-read-model')?.rebuild).toMatchObject({ id: orphan, status: 'failed' });

    // Recorded once: a second restart finds it ended.
    await stack.restart('ops');
    const again = await ok<{ items: { details: Record<string, unknown> }[] }>(as(admin.token, '/audit?limit=2'));
    expect(again.items.map((item) => item.details.rebuildId)).toEqual([orphan, orphan]);
  });
});
