import { randomUUID } from 'node:crypto';
import { topicForType } from '@marketplace/contracts';
import { createMessageBus, type MessageBus, type Producer } from '@marketplace/messaging';
import { waitFor } from '@marketplace/testing';
import { RECOMMENDATIONS_PROJECTION } from '../src/infrastructure/projection/recommendations.projection';
import { logEntryOf } from '../src/infrastructure/search-event-log';
import { type SeededHistory, seedHistory } from './recommendations-seed';
import { startSearch, type SearchTestApp } from './search-app';

jest.setTimeout(180_000);

const NOW = new Date('2026-03-31T15:00:00.000Z');
const DAY_MS = 86_400_000;
const HALF_LIFE_DAYS = 7;
const MIN_SUPPORT = 2;

interface Answer {
  status: number;
  body: { productId?: string; kind?: string; items: { id: string; score: number | null }[]; error?: { code: string; details: { field: string }[] } };
}

/**
 * Recommendations from a seeded history on the bus (the embedded bus, on this suite's own database; see
 * search-bus.int.spec.ts for why not Kafka): every answer is compared with counts and scores computed
 * here from the seed, and a rebuild of the projection must give the same answers.
 */
describe('product recommendations', () => {
  let search: SearchTestApp;
  let bus: MessageBus;
  let producer: Producer;
  let history: SeededHistory;
  let neighbours: string[] | undefined;

  const get = async (url: string): Promise<Answer> => {
    const response = await search.service.app.inject({ method: 'GET', url });
    return { status: response.statusCode, body: response.json() };
  };
  const recommend = (productId: string, kind: string, limit = 50) => get(`/products/${productId}/recommendations?kind=${kind}&limit=${limit}`);
  const offered = (id: string) => history.products.find((p) => p.id === id)?.offered === true;
  const purchases = () => history.orders.filter((order) => order.purchased);

  /** For each other product, the confirmed orders it shares with `productId`, at least the minimum support. */
  const expectedBoughtTogether = (productId: string) => {
    const counts = new Map<string, number>();
    for (const order of purchases().filter((o) => o.products.includes(productId))) {
      for (const other of new Set(order.products)) if (other !== productId) counts.set(other, (counts.get(other) ?? 0) + 1);
    }
    return ranked([...counts].filter(([id, n]) => n >= MIN_SUPPORT && offered(id)));
  };

  /** Confirmed orders per product of the same top-level category, each halved every 7 days since the start of its UTC day; none beyond 70 days. */
  const expectedPopular = (productId: string) => {
    const top = history.products.find((p) => p.id === productId)?.topCategoryId;
    const today = Date.UTC(NOW.getUTCFullYear(), NOW.getUTCMonth(), NOW.getUTCDate());
    const scores = new Map<string, number>();
    for (const order of purchases()) {
      const dayStart = Date.parse(`${order.confirmedAt?.slice(0, 10)}T00:00:00.000Z`);
      if ((today - dayStart) / DAY_MS > HALF_LIFE_DAYS * 10) continue;
      const weight = 0.5 ** ((NOW.getTime() - dayStart) / DAY_MS / HALF_LIFE_DAYS);
      for (const id of order.products) scores.set(id, (scores.get(id) ?? 0) + weight);
    }
    const candidates = history.products.filter((p) => p.topCategoryId === top && p.id !== productId && p.offered && scores.has(p.id));
    return ranked(candidates.map((p) => [p.id, Math.round((scores.get(p.id) as number) * 1e6) / 1e6]));
  };

  const answersFor = (kind: 'bought_together' | 'popular') =>
    Promise.all(history.products.filter((p) => p.published).map(async (p) => ({ id: p.id, answer: await recommend(p.id, kind) })));

  const caughtUp = () =>
    waitFor(async () => (await search.engine.status([RECOMMENDATIONS_PROJECTION]))[0].lag === 0, { timeoutMs: 60_000, description: 'the recommendations projection at the head of the log' });

  beforeAll(async () => {
    history = seedHistory(NOW);
    const similar = { useFactory: () => ({ similarTo: () => Promise.resolve(neighbours) }) };
    search = await startSearch(
      { SEARCH_RECOMMENDATION_MIN_SUPPORT: String(MIN_SUPPORT), SEARCH_POPULARITY_HALF_LIFE_DAYS: String(HALF_LIFE_DAYS) },
      { recommendations: { clock: { now: () => NOW }, similar } },
    );
    for (const event of history.logged) await search.store.appendToStream(`order-${event.subject}`, [logEntryOf(event)], { expectedRevision: 'any' });
    bus = createMessageBus({ clientId: 'recommendations-test', databaseUrl: search.database.url });
    producer = await bus.producer();
    await producer.send(history.published.map((e) => ({ topic: topicForType(e.type as never), key: e.subject, value: e })));
    const total = history.published.length + history.logged.length;
    await waitFor(async () => (await search.store.readAll({ maxCount: total + 1 })).length === total, { timeoutMs: 90_000, intervalMs: 200, description: 'every seeded event in search\'s log' });
    await search.caughtUp();
    await caughtUp();
  });

  afterAll(async () => {
    await producer?.close();
    await bus?.close();
    await search?.close();
  });

  it('bought_together: the products of the same confirmed orders, by number of such orders, at least the minimum support', async () => {
    const answers = await answersFor('bought_together');
    for (const { id, answer } of answers) {
      expect(answer.status).toBe(200);
      expect(answer.body.items.map((i) => [i.id, i.score])).toEqual(expectedBoughtTogether(id));
    }
    // The seed must exercise the ranking: several lists, some long, and a count of 3 or more.
    const lengths = answers.map(({ answer }) => answer.body.items.length);
    expect(lengths.filter((n) => n >= 3).length).toBeGreaterThanOrEqual(3);
    expect(answers.some(({ answer }) => answer.body.items.some((i) => (i.score ?? 0) >= 3))).toBe(true);
  });

  it('popular: the products of its top-level category by decayed confirmed orders', async () => {
    const answers = await answersFor('popular');
    for (const { id, answer } of answers) {
      expect(answer.status).toBe(200);
      const expected = expectedPopular(id);
      expect(answer.body.items.map((i) => i.id)).toEqual(expected.map(([productId]) => productId));
      answer.body.items.forEach((item, i) => expect(item.score).toBeCloseTo(expected[i][1], 5));
    }
    expect(answers.every(({ answer }) => answer.body.items.length >= 2)).toBe(true);
  });

  it('never recommends the product itself, an unpublished or an out-of-stock product, and honours the limit', async () => {
    const [first] = history.products;
    const all = [...(await answersFor('bought_together')), ...(await answersFor('popular'))];
    for (const { id, answer } of all) expect(answer.body.items.every((item) => item.id !== id && offered(item.id))).toBe(true);
    const limited = await recommend(first.id, 'popular', 2);
    expect(limited.body.items.map((i) => i.id)).toEqual(expectedPopular(first.id).slice(0, 2).map(([productId]) => productId));
  });

  it('similar: answers what the similar-products port gives, filtered to what may be recommended; nothing without embeddings', async () => {
    const [subject, archived, , , , , outOfStock, fine, other] = history.products;
    neighbours = undefined;
    expect((await recommend(subject.id, 'similar')).body).toEqual({ productId: subject.id, kind: 'similar', items: [] });
    neighbours = [other.id, subject.id, archived.id, outOfStock.id, randomUUID(), fine.id];
    const answer = await recommend(subject.id, 'similar', 2);
    expect(answer.status).toBe(200);
    expect(answer.body.items.map((i) => i.id)).toEqual([other.id, fine.id]);
  });

  it('answers bad input with a 400 and an unknown or unpublished product with a 404, in the standard error body', async () => {
    const id = history.products[0].id;
    for (const query of ['kind=cheapest', '', 'kind=popular&limit=0', 'kind=popular&limit=51', 'kind=popular&limit=two', 'kind=popular&color=red']) {
      const answer = await get(`/products/${id}/recommendations?${query}`);
      expect({ query, status: answer.status, code: answer.body.error?.code }).toEqual({ query, status: 400, code: 'validation_failed' });
    }
    const malformed = await get('/products/not-a-uuid/recommendations?kind=popular');
    expect({ status: malformed.status, code: malformed.body.error?.code, field: malformed.body.error?.details[0]?.field }).toEqual({ status: 400, code: 'validation_failed', field: 'id' });
    const unpublished = history.products.filter((p) => !p.published).map((p) => p.id);
    for (const productId of [randomUUID(), ...unpublished]) {
      const answer = await recommend(productId, 'bought_together');
      expect({ status: answer.status, code: answer.body.error?.code }).toEqual({ status: 404, code: 'product_not_found' });
    }
  });

  it('a rebuild of the projection from search\'s log gives the same answers', async () => {
    const before = [...(await answersFor('bought_together')), ...(await answersFor('popular'))];
    const result = await search.engine.rebuild(RECOMMENDATIONS_PROJECTION);
    expect(result.events).toBeGreaterThan(history.orders.length);
    const after = [...(await answersFor('bought_together')), ...(await answersFor('popular'))];
    expect(after).toEqual(before);
  });
});

/** Most first, then by id. */
function ranked(entries: [string, number][]): [string, number][] {
  return entries.sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0));
}
