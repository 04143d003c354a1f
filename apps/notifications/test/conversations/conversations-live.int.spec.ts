import { type Frame, SseClient, waitFor, WsTestClient } from '@marketplace/testing';
import { randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { type Caller, NotificationsTestApp } from '../notifications-app';
import { opened, registeredUser } from './fixtures';

/** Two instances of the service on one database; heartbeats every second so dead sockets go quickly. */
describe('conversations live: WebSockets and the notification stream across two instances', () => {
  let a: NotificationsTestApp;
  let b: NotificationsTestApp;
  const open: Array<{ close(): unknown }> = [];

  const track = <T extends { close(): unknown }>(client: T): T => {
    open.push(client);
    return client;
  };
  const present = (userId: string) => waitFor(async () => (await a.db('presence').where({ user_id: userId }).first()) !== undefined, { description: `${userId} present` });
  const absent = (userId: string) => waitFor(async () => (await a.db('presence').where({ user_id: userId }).first()) === undefined, { description: `${userId} absent` });
  const inbox = async (caller: Caller) => (await a.call('GET', '/notifications', { as: caller })).body.items as Frame[];
  const isReceipt = (status: string, messageId: string, userId: string) => (frame: Frame) => frame.type === 'receipt' && frame.status === status && frame.messageId === messageId && frame.userId === userId;

  beforeAll(async () => {
    a = await NotificationsTestApp.start({ CONVERSATIONS_HEARTBEAT_MS: '1000' });
    b = await NotificationsTestApp.start({ CONVERSATIONS_HEARTBEAT_MS: '1000' }, a);
  });

  afterAll(async () => {
    await Promise.all(open.map((client) => client.close()));
    await b?.close({ keepDatabase: true });
    await a?.close();
  });

  it('refuses an upgrade without a valid access token with a 401 in the standard error format, and other paths with a 404', async () => {
    const missing = await WsTestClient.refusal(a.socketUrl, {});
    expect(missing.status).toBe(401);
    expect(missing.body.error).toMatchObject({ code: 'unauthenticated', details: [], request_id: expect.any(String), timestamp: expect.any(String) });
    expect(missing.headers['x-request-id']).toBe(missing.body.error.request_id);
    const expired = await WsTestClient.refusal(a.socketUrl, { authorization: `Bearer ${await a.issuer.signExpired()}` });
    expect(expired).toMatchObject({ status: 401, body: { error: { code: 'unauthenticated', message: 'The access token has expired.' } } });
    const forged = await WsTestClient.refusal(a.socketUrl, { authorization: `Bearer ${a.issuer.forgeUnsigned({ roles: ['admin'] })}` });
    expect(forged.status).toBe(401);
    const elsewhere = await WsTestClient.refusal(a.socketUrl.replace('/conversations/ws', '/elsewhere'), { authorization: `Bearer ${(await a.caller()).token}` });
    expect(elsewhere).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } });
  });

  it('lets a buyer on one instance and a seller on the other chat, with delivered and read receipts and no notifications', async () => {
    const buyer = await registeredUser(a, 'Ann Buyer');
    const seller = await registeredUser(a, 'Sam Seller', ['buyer', 'seller']);
    const buyerSocket = track(await a.socket(buyer));
    const sellerSocket = track(await b.socket(seller));
    await present(seller.id);

    const conversation = await opened(a, buyer, seller, 'Hello from instance A');
    const arrived = await sellerSocket.next((frame) => frame.type === 'message' && frame.message.conversationId === conversation.id);
    expect(arrived.message).toMatchObject({ body: 'Hello from instance A', senderId: buyer.id, seq: 1 });
    expect(await sellerSocket.next((frame) => frame.type === 'conversation')).toMatchObject({ conversation: { id: conversation.id, status: 'open', buyerId: buyer.id } });
    const delivered = await buyerSocket.next(isReceipt('delivered', arrived.message.id, seller.id));
    expect(delivered).toEqual({ type: 'receipt', conversationId: conversation.id, messageId: arrived.message.id, userId: seller.id, status: 'delivered', at: expect.any(String) });

    sellerSocket.send({ type: 'send', conversationId: conversation.id, body: 'Hi Ann, it is.', clientMessageId: 'reply-1' });
    const reply = await buyerSocket.next((frame) => frame.type === 'message' && frame.message.senderId === seller.id);
    expect(reply.message).toMatchObject({ body: 'Hi Ann, it is.', clientMessageId: 'reply-1', seq: 2 });
    await sellerSocket.next((frame) => frame.type === 'message' && frame.message.id === reply.message.id);
    await sellerSocket.next(isReceipt('delivered', reply.message.id, buyer.id));

    buyerSocket.send({ type: 'read', conversationId: conversation.id, upToMessageId: reply.message.id });
    expect(await sellerSocket.next(isReceipt('read', reply.message.id, buyer.id))).toMatchObject({ conversationId: conversation.id, at: expect.any(String) });

    sellerSocket.send({ type: 'send', conversationId: conversation.id, body: 'Hi Ann, it is.', clientMessageId: 'reply-1' });
    await waitFor(() => sellerSocket.frames.filter((frame) => frame.type === 'message' && frame.message.id === reply.message.id).length === 2, { description: 'the retried send answered' });
    expect(await a.db('conversation_messages').where({ conversation_id: conversation.id }).count<{ count: string }>('* as count').first()).toEqual({ count: '2' });
    expect(await inbox(seller)).toEqual([]);
    expect(await inbox(buyer)).toEqual([]);
  });

  it('notifies a participant whose last connection closed, and tells the sender nothing was delivered', async () => {
    const buyer = await registeredUser(a, 'Ann Buyer');
    const seller = await registeredUser(a, 'Sam Seller', ['buyer', 'seller']);
    const sellerSocket = await b.socket(seller);
    await present(seller.id);
    const conversation = await opened(a, buyer, seller);
    await sellerSocket.next((frame) => frame.type === 'message');
    await sellerSocket.close();
    await absent(seller.id);

    const sent = await a.call('POST', `/conversations/${conversation.id}/messages`, { as: buyer, body: { body: 'Are you there?' } });
    const notified = await waitFor(async () => (await inbox(seller)).find((item) => item.template === 'conversation-message'), { description: 'a notification' });
    expect(notified).toMatchObject({ title: 'New message from Ann Buyer', body: expect.stringContaining('Are you there?') });
    const [latest] = (await a.call('GET', `/conversations/${conversation.id}/messages`, { as: buyer })).body.items;
    expect(latest).toMatchObject({ id: sent.body.id, status: 'sent', deliveredAt: null });
  });

  it('counts an open notification stream (SSE) as a connection: messages reach it, are delivered, notify nobody', async () => {
    const buyer = await registeredUser(a, 'Ann Buyer');
    const seller = await registeredUser(a, 'Sam Seller', ['buyer', 'seller']);
    const buyerSocket = track(await a.socket(buyer));
    const stream = track(await SseClient.connect(`${b.url}/notifications/stream`, { authorization: `Bearer ${seller.token}` }));
    await stream.next((event) => event.event === 'unread');
    await present(seller.id);

    const conversation = await opened(a, buyer, seller, 'Seen on the stream?');
    const pushed = await stream.next((event) => event.event === 'message');
    expect(pushed.data.message).toMatchObject({ conversationId: conversation.id, body: 'Seen on the stream?' });
    await buyerSocket.next(isReceipt('delivered', pushed.data.message.id, seller.id));
    expect(stream.events.some((event) => event.event === 'notification')).toBe(false);
    expect(await inbox(seller)).toEqual([]);

    stream.close();
    await absent(seller.id);
  });

  it('answers invalid frames with error frames (echoing refs) and keeps the connection open; an oversized frame closes it', async () => {
    const buyer = await a.caller();
    const others = await opened(a, await a.caller(), await a.caller(['seller']));
    const socket = track(await a.socket(buyer));
    const unknownConversation = randomUUID();
    const frames = [
      'not json',
      Buffer.from([1, 2, 3]),
      { type: 'teleport', ref: 'r1' },
      { type: 'send', conversationId: 'nope', body: 'x', ref: 'r2' },
      { type: 'send', conversationId: unknownConversation, body: 'bell\u0007' },
      { type: 'send', conversationId: others.id, body: 'hi', ref: 'r3' },
      { type: 'send', conversationId: unknownConversation, body: 'hi', clientMessageId: 'c-9' },
      { type: 'read', conversationId: others.id, upToMessageId: others.lastMessage.id },
    ];
    frames.forEach((frame) => socket.send(frame));
    socket.send({ type: 'ping', ref: 'p1' });
    expect(await socket.next((frame) => frame.type === 'pong')).toEqual({ type: 'pong', ref: 'p1' });
    const errors = socket.frames.filter((frame) => frame.type === 'error');
    expect(errors.map((frame) => [frame.error.code, frame.ref])).toEqual([
      ['invalid_frame', undefined],
      ['invalid_frame', undefined],
      ['invalid_frame', 'r1'],
      ['invalid_frame', 'r2'],
      ['invalid_frame', undefined],
      ['not_a_participant', 'r3'],
      ['conversation_not_found', 'c-9'],
      ['not_a_participant', undefined],
    ]);
    expect(errors[3].error.message).toContain('conversationId');
    expect(socket.isOpen).toBe(true);

    socket.send('x'.repeat(20_000));
    expect(await socket.closed).toBe(1009);
    const again = track(await a.socket(buyer));
    again.send({ type: 'ping' });
    expect(await again.next((frame) => frame.type === 'pong')).toEqual({ type: 'pong' });
  });

  it('drops a socket that stops answering pings, and its user goes offline', async () => {
    const buyer = await a.caller();
    const silent = track(await a.socket(buyer, { autoPong: false }));
    await present(buyer.id);
    // Two beats: the first ping goes unanswered, the second finds the socket dead (1006: no closing handshake).
    expect(await Promise.race([silent.closed, delay(5_000, 'still open')])).toBe(1006);
    await absent(buyer.id);
  });
});
