import { randomUUID } from 'node:crypto';
import { type Caller, NotificationsTestApp, type Json } from '../notifications-app';
import { listedProduct, opened } from './fixtures';

/** Two instances on one database: the limits hold across them. */
describe('conversation rate limits (per user, across instances)', () => {
  let first: NotificationsTestApp;
  let second: NotificationsTestApp;
  const limits = { CONVERSATIONS_MESSAGE_LIMIT: '3', CONVERSATIONS_MESSAGE_WINDOW_MS: '60000', CONVERSATIONS_OPEN_LIMIT: '2', CONVERSATIONS_OPEN_WINDOW_MS: '3600000' };

  const send = (on: NotificationsTestApp, conversationId: string, as: Caller, body: object) => on.call('POST', `/conversations/${conversationId}/messages`, { as, body });
  const expectRateLimited = (response: Json, code: string, windowSeconds: number) => {
    expect(response.status).toBe(429);
    expect(response.body.error).toMatchObject({ code, message: expect.stringContaining('Try again in'), details: [], request_id: expect.any(String) });
    const retryAfter = Number(response.headers['retry-after']);
    expect(Number.isInteger(retryAfter)).toBe(true);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(2 * windowSeconds);
  };

  beforeAll(async () => {
    first = await NotificationsTestApp.start(limits);
    second = await NotificationsTestApp.start(limits, first);
  });

  afterAll(async () => {
    await second?.close({ keepDatabase: true });
    await first?.close();
  });

  it('answers the fourth message within a minute with 429 and Retry-After, whichever instance took the first three', async () => {
    const buyer = await first.caller();
    const seller = await first.caller(['seller']);
    const conversation = await opened(first, buyer, seller);
    const clientMessageId = randomUUID();
    expect((await send(first, conversation.id, buyer, { body: 'one', clientMessageId })).status).toBe(201);
    expect((await send(second, conversation.id, buyer, { body: 'two' })).status).toBe(201);
    expect((await send(first, conversation.id, buyer, { body: 'three' })).status).toBe(201);

    expectRateLimited(await send(second, conversation.id, buyer, { body: 'four' }), 'too_many_messages', 60);
    expectRateLimited(await send(first, conversation.id, buyer, { body: 'four' }), 'too_many_messages', 60);
    // A retry of a message already sent is answered, not counted; the other participant has an allowance of their own.
    expect((await send(second, conversation.id, buyer, { body: 'one', clientMessageId })).status).toBe(200);
    expect((await send(second, conversation.id, seller, { body: 'Slow down, please' })).status).toBe(201);
    const stored = await first.db('conversation_messages').where({ conversation_id: conversation.id }).count<{ count: string }>('* as count').first();
    expect(Number(stored?.count)).toBe(5);
  });

  it('limits new conversations per buyer, while opening an existing one again is not counted', async () => {
    const buyer = await first.caller();
    const seller = await first.caller(['seller']);
    const products = [await listedProduct(first, seller.id), await listedProduct(first, seller.id), await listedProduct(first, seller.id)];
    const open = (on: NotificationsTestApp, productId: string) => on.call('POST', '/conversations', { as: buyer, body: { subject: { type: 'product', productId }, sellerId: seller.id, message: 'Hi' } });
    expect((await open(first, products[0])).status).toBe(201);
    expect((await open(second, products[1])).status).toBe(201);
    expectRateLimited(await open(first, products[2]), 'too_many_conversations', 3600);
    expect((await open(second, products[0])).status).toBe(200);
  });
});
