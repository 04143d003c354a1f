import { waitFor } from '@marketplace/testing';
import { randomUUID } from 'node:crypto';
import { type Caller, NotificationsTestApp } from '../notifications-app';
import { listedProduct, opened, placedOrder, registeredUser } from './fixtures';

describe('conversations over HTTP', () => {
  let app: NotificationsTestApp;
  let buyer: Caller;
  let seller: Caller;
  let admin: Caller;

  const messages = async (conversationId: string, as: Caller, query = '') => app.call('GET', `/conversations/${conversationId}/messages${query}`, { as });
  const send = (conversationId: string, as: Caller, body: object) => app.call('POST', `/conversations/${conversationId}/messages`, { as, body });

  beforeAll(async () => {
    // One buyer opens many conversations here; the limits have their own suite.
    app = await NotificationsTestApp.start({ CONVERSATIONS_MASK_CONTACTS: 'true', CONVERSATIONS_OPEN_LIMIT: '100' });
    buyer = await registeredUser(app, 'Ann Buyer');
    seller = await registeredUser(app, 'Sam Seller', ['buyer', 'seller']);
    admin = await app.caller(['admin']);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('opens a conversation about a product once, and lists it for both with names, last message and unread count', async () => {
    const productId = await listedProduct(app, seller.id, 'Merino scarf');
    const body = { subject: { type: 'product', productId }, sellerId: seller.id, message: 'Is it still available?' };
    const first = await app.call('POST', '/conversations', { as: buyer, body });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ subject: { type: 'product', id: productId, title: 'Merino scarf' }, buyerId: buyer.id, sellerId: seller.id, buyerName: 'Ann Buyer', sellerName: 'Sam Seller', status: 'open', unreadCount: 0 });
    expect(first.body.lastMessage).toMatchObject({ body: 'Is it still available?', senderId: buyer.id, seq: 1, status: 'sent' });

    const again = await app.call('POST', '/conversations', { as: buyer, body: { ...body, message: 'Hello?' } });
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
    expect((await messages(first.body.id, buyer)).body.items.map((m: { body: string }) => m.body)).toEqual(['Is it still available?']);

    const sellersList = await app.call('GET', '/conversations', { as: seller });
    expect(sellersList.body.items.find((c: { id: string }) => c.id === first.body.id)).toMatchObject({ unreadCount: 1, lastMessage: { body: 'Is it still available?' } });
  });

  it('sends and reads: pages newest first, read receipts stamp the other side\'s messages, unread counts follow', async () => {
    const conversation = await opened(app, buyer, seller, 'Do you ship to Austria?');
    const reply = await send(conversation.id, seller, { body: 'Yes,\r\nwithin 3 days.' });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({ body: 'Yes,\nwithin 3 days.', seq: 2, senderId: seller.id, status: 'sent' });

    const firstPage = await messages(conversation.id, buyer, '?limit=1');
    expect(firstPage.body.items.map((m: { seq: number }) => m.seq)).toEqual([2]);
    const secondPage = await messages(conversation.id, buyer, `?limit=1&cursor=${firstPage.body.nextCursor}`);
    expect(secondPage.body).toMatchObject({ items: [{ seq: 1 }], nextCursor: null });

    const read = await app.call('POST', `/conversations/${conversation.id}/read`, { as: buyer, body: {} });
    expect(read.status).toBe(200);
    expect(read.body).toEqual({ conversationId: conversation.id, upToMessageId: reply.body.id, unreadCount: 0 });
    const asSeen = (await messages(conversation.id, seller)).body.items;
    expect(asSeen.map((m: { status: string }) => m.status)).toEqual(['read', 'sent']);
    expect(asSeen[0].readAt).toEqual(expect.any(String));

    const sellerRead = await app.call('POST', `/conversations/${conversation.id}/read`, { as: seller, body: { upToMessageId: conversation.lastMessage.id } });
    expect(sellerRead.body.unreadCount).toBe(0);
    const unknown = await app.call('POST', `/conversations/${conversation.id}/read`, { as: seller, body: { upToMessageId: randomUUID() } });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error).toMatchObject({ code: 'unknown_message', details: [{ field: 'upToMessageId', message: 'unknown' }] });
  });

  it('takes a retried send with the same clientMessageId as the first one, and refuses that id for another message', async () => {
    const conversation = await opened(app, buyer, seller);
    const clientMessageId = `c-${randomUUID()}`;
    const first = await send(conversation.id, buyer, { body: 'Can you gift-wrap it?', clientMessageId });
    const retried = await send(conversation.id, buyer, { body: 'Can you gift-wrap it?', clientMessageId });
    expect([first.status, retried.status]).toEqual([201, 200]);
    expect(retried.body).toEqual(first.body);
    expect(first.body.clientMessageId).toBe(clientMessageId);
    expect((await messages(conversation.id, buyer)).body.items).toHaveLength(2);

    const reused = await send(conversation.id, buyer, { body: 'Something else', clientMessageId });
    expect(reused.status).toBe(422);
    expect(reused.body.error.code).toBe('client_message_id_reused');

    const [one, other] = [await opened(app, buyer, seller), await opened(app, buyer, seller)];
    const racing = `c-${randomUUID()}`;
    const raced = await Promise.all([send(one.id, buyer, { body: 'same id', clientMessageId: racing }), send(other.id, buyer, { body: 'same id', clientMessageId: racing })]);
    expect(raced.map((response) => response.status).sort()).toEqual([201, 422]);
  });

  it('answers 403 to a third user for every read and write, and lets an admin read (not write)', async () => {
    const conversation = await opened(app, buyer, seller);
    const stranger = await app.caller();
    const attempts = [
      app.call('GET', `/conversations/${conversation.id}`, { as: stranger }),
      messages(conversation.id, stranger),
      send(conversation.id, stranger, { body: 'hi' }),
      app.call('POST', `/conversations/${conversation.id}/read`, { as: stranger, body: {} }),
      app.call('POST', `/conversations/${conversation.id}/block`, { as: stranger }),
    ];
    for (const response of await Promise.all(attempts)) {
      expect(response.status).toBe(403);
      expect(response.body.error).toMatchObject({ code: 'not_a_participant', request_id: expect.any(String), timestamp: expect.any(String) });
    }
    expect((await app.call('GET', '/conversations', { as: stranger })).body.items).toEqual([]);

    const asAdmin = await app.call('GET', `/conversations/${conversation.id}`, { as: admin });
    expect(asAdmin.status).toBe(200);
    expect(asAdmin.body).toMatchObject({ id: conversation.id, unreadCount: null });
    expect((await messages(conversation.id, admin)).body.items).toHaveLength(1);
    expect((await send(conversation.id, admin, { body: 'moderator here' })).status).toBe(403);
    expect((await app.call('GET', `/conversations/${randomUUID()}`, { as: buyer })).status).toBe(404);
  });

  it('stops a blocked buyer (403) and the blocking seller (422) from writing until the seller unblocks', async () => {
    const conversation = await opened(app, buyer, seller);
    const blocked = await app.call('POST', `/conversations/${conversation.id}/block`, { as: seller });
    expect(blocked.status).toBe(200);
    expect(blocked.body.blockedBy).toEqual([seller.id]);

    const fromBuyer = await send(conversation.id, buyer, { body: 'Why did you block me?' });
    expect(fromBuyer.status).toBe(403);
    expect(fromBuyer.body.error.code).toBe('blocked_by_participant');
    expect((await send(conversation.id, seller, { body: 'Last word' })).body.error.code).toBe('conversation_blocked');

    expect((await app.call('POST', `/conversations/${conversation.id}/unblock`, { as: buyer })).body.blockedBy).toEqual([seller.id]);
    expect((await app.call('POST', `/conversations/${conversation.id}/unblock`, { as: seller })).body.blockedBy).toEqual([]);
    expect((await send(conversation.id, buyer, { body: 'Thanks for unblocking' })).status).toBe(201);
  });

  it('lets admins list and close a conversation, after which sending is a 422', async () => {
    const conversation = await opened(app, buyer, seller);
    expect((await app.call('GET', '/admin/conversations', { as: buyer })).status).toBe(403);
    const closed = await app.call('POST', `/admin/conversations/${conversation.id}/close`, { as: admin, body: { reason: 'Off-platform payment request' } });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ status: 'closed', closeReason: 'Off-platform payment request', closedAt: expect.any(String) });

    const refused = await send(conversation.id, seller, { body: 'Pay me directly' });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('conversation_closed');
    const listed = await app.call('GET', `/admin/conversations?status=closed&userId=${buyer.id}`, { as: admin });
    expect(listed.body.items.map((c: { id: string }) => c.id)).toContain(conversation.id);
    expect(listed.body.items.every((c: { status: string }) => c.status === 'closed')).toBe(true);
  });

  it('checks the subject against its own projections: product of the seller, own order with a line of the seller', async () => {
    const productId = await listedProduct(app, seller.id);
    const open = (body: object, as = buyer) => app.call('POST', '/conversations', { as, body: { message: 'Hello', ...body } });
    const unknownProduct = await open({ subject: { type: 'product', productId: randomUUID() }, sellerId: seller.id });
    expect(unknownProduct.status).toBe(422);
    expect(unknownProduct.body.error).toMatchObject({ code: 'unknown_subject', details: [{ field: 'subject.productId', message: 'unknown' }] });
    expect((await open({ subject: { type: 'product', productId }, sellerId: randomUUID() })).body.error.code).toBe('seller_not_in_subject');

    const orderId = await placedOrder(app, buyer.id, [randomUUID(), seller.id]);
    const aboutOrder = await open({ subject: { type: 'order', orderId }, sellerId: seller.id });
    expect(aboutOrder.status).toBe(201);
    expect(aboutOrder.body.subject).toEqual({ type: 'order', id: orderId, title: `Order ${orderId.slice(0, 8)}` });
    const othersOrder = await open({ subject: { type: 'order', orderId }, sellerId: seller.id }, await app.caller());
    expect(othersOrder.body.error).toMatchObject({ code: 'unknown_subject', details: [{ field: 'subject.orderId', message: 'unknown' }] });

    const ownProduct = await open({ subject: { type: 'product', productId }, sellerId: seller.id }, seller);
    expect(ownProduct.body.error.code).toBe('cannot_message_yourself');
  });

  it('refuses bodies with control characters or over 2000 characters, and masks contacts before storing', async () => {
    const conversation = await opened(app, buyer, seller);
    for (const body of ['ring the bell\u0007', 'x'.repeat(2001), '   ', 'evil\u202Etxt.exe']) {
      const refused = await send(conversation.id, buyer, { body });
      expect(refused.status).toBe(400);
      expect(refused.body.error).toMatchObject({ code: 'validation_failed', details: [{ field: 'body', message: expect.any(String) }] });
    }
    expect((await send(conversation.id, buyer, { body: 'x'.repeat(2000) })).status).toBe(201);
    const masked = await send(conversation.id, buyer, { body: 'Call me on +49 30 1234567\tor write to ann@example.com' });
    expect(masked.body.body).toBe('Call me on [phone hidden]\tor write to [email hidden]');
    const stored = await app.db('conversation_messages').where({ id: masked.body.id }).first();
    expect(stored.body).toBe('Call me on [phone hidden]\tor write to [email hidden]');
  });

  it('notifies a recipient connected nowhere in the app, naming the sender', async () => {
    const otherSeller = await registeredUser(app, 'Olga Seller', ['buyer', 'seller']);
    const conversation = await opened(app, buyer, otherSeller, 'Hi Olga, is the blue one in stock?');
    const inbox = await waitFor(async () => {
      const listed = await app.call('GET', '/notifications', { as: otherSeller });
      return listed.body.items.length > 0 ? listed.body.items : undefined;
    }, { description: 'a notification of the message' });
    expect(inbox).toHaveLength(1);
    expect(inbox[0]).toMatchObject({ template: 'conversation-message', title: 'New message from Ann Buyer', link: expect.stringContaining(`/conversations/${conversation.id}`) });
    expect(inbox[0].body).toContain('Hi Olga, is the blue one in stock?');
  });
});
