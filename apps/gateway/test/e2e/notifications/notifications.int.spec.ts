import { type Frame, SmtpTestServer, SseClient, waitFor, WsTestClient } from '@marketplace/testing';
import { MarketplaceActors } from '../support/marketplace-actors';
import { MarketplaceStack } from '../support/marketplace-stack';
import { expectOk, login, newCredentials, registerAndLogin } from '../support/users';

// A build, six processes, Kafka group joins.
jest.setTimeout(300_000);

/**
 * Notifications through the gateway, every service its own process, on real PostgreSQL and the real
 * bus, with a real SMTP server (the smtp-server package) as the receiving peer.
 */
describe('notifications e2e', () => {
  let smtp: SmtpTestServer;
  let stack: MarketplaceStack;
  let people: MarketplaceActors;

  beforeAll(async () => {
    smtp = await SmtpTestServer.start();
    stack = await MarketplaceStack.start({
      label: 'notifications',
      services: ['catalog', 'orders', 'payments', 'notifications'],
      env: { notifications: { SMTP_URL: smtp.url, CONVERSATIONS_MESSAGE_LIMIT: '6' } },
    });
    people = new MarketplaceActors(stack);
  });

  const sockets: WsTestClient[] = [];

  afterAll(async () => {
    sockets.forEach((socket) => socket.close());
    await stack?.stop();
    await smtp?.close();
  });

  const stream = async (token: string) => {
    const client = await SseClient.connect(`${stack.gatewayUrl}/api/v1/notifications/stream`, { authorization: `Bearer ${token}` });
    expect(client.status).toBe(200);
    await client.next((event) => event.event === 'unread', 30_000);
    return client;
  };

  it('mails the buyer the confirmation of a checkout, HTML-escaped, and pushes it to the buyer\'s stream only', async () => {
    const seller = await people.seller();
    const productId = await people.product(seller, { price: 1999, onHand: 5, title: 'Copper kettle' });
    const credentials = { ...newCredentials('buyer'), name: 'Mallory <script>alert(1)</script>' };
    const buyer = await registerAndLogin(stack.api, credentials);
    const other = await registerAndLogin(stack.api);
    const mine = await stream(buyer.session.accessToken);
    const theirs = await stream(other.session.accessToken);

    const orderId = await people.checkout({ token: buyer.session.accessToken }, productId, { quantity: 2 });
    expect(await people.finalOrder({ token: buyer.session.accessToken }, orderId)).toMatchObject({ status: 'confirmed' });

    const [mail] = await waitFor(() => (smtp.mailsTo(credentials.email).some((m) => m.parsed.subject?.includes('confirmed')) ? smtp.mailsTo(credentials.email).filter((m) => m.parsed.subject?.includes('confirmed')) : undefined), {
      timeoutMs: 60_000,
      description: 'the confirmation mail',
    });
    expect(mail.to).toEqual([credentials.email]);
    expect(mail.parsed.subject).toBe(`Your order ${orderId.slice(0, 8)} is confirmed`);
    expect(mail.parsed.text).toContain('2 × Copper kettle (€19.99 each)  €39.98');
    expect(mail.parsed.text).toMatch(/Total: €\d+\.\d{2}/);
    expect(mail.parsed.html).toContain('Hello Mallory &lt;script&gt;alert(1)&lt;/script&gt;,');
    expect(mail.parsed.html).not.toContain('<script>');

    const pushed = await mine.next((event) => event.event === 'notification' && event.data.notification.template === 'order-confirmed', 30_000);
    expect(pushed.data.notification.link).toContain(orderId);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(theirs.events.filter((event) => event.event === 'notification')).toHaveLength(0);
    mine.close();
    theirs.close();
  });

  it('sends a password reset mail to a user who opted out of email, and its link resets the password', async () => {
    const user = await registerAndLogin(stack.api);
    const token = user.session.accessToken;
    expectOk(await stack.api.request('/notifications/preferences', { method: 'PUT', json: { email: { transactional: false, marketing: false } }, token }), 200, 'opt out of email');
    expectOk(await stack.api.post('/auth/password-reset/request', { email: user.credentials.email }), 202, 'reset request');

    const mail = await waitFor(() => smtp.mailsTo(user.credentials.email).find((m) => m.parsed.subject === 'Reset your password'), { timeoutMs: 60_000, description: 'the reset mail' });
    const link = new URL(/https?:\/\/\S+token=[\w-]+/.exec(mail.parsed.text ?? '')?.[0] ?? 'http://missing');
    const resetToken = link.searchParams.get('token');
    expect(resetToken).toBeTruthy();
    const password = `New-Passphrase-${Date.now()}`;
    expectOk(await stack.api.post('/auth/password-reset/confirm', { token: resetToken, password }), 204, 'reset confirm');
    expect((await login(stack.api, user.credentials.email, password)).accessToken).toBeTruthy();
  });

  it('lets a buyer and a seller chat over WebSockets through the gateway with receipts; others get 403, a blocked buyer cannot send, the rate limit answers 429', async () => {
    const seller = await people.seller();
    const productId = await people.product(seller, { onHand: 1, title: 'Brass lamp' });
    const buyer = await registerAndLogin(stack.api);
    const buyerToken = buyer.session.accessToken;
    const opened = await waitFor(async () => {
      const answer = await stack.api.post('/conversations', { subject: { type: 'product', productId }, sellerId: seller.id, message: 'Is the lamp solid brass?' }, buyerToken);
      return answer.status === 201 ? answer : undefined;
    }, { timeoutMs: 60_000, description: 'notifications to know the product' });
    const conversationId = (opened.body as { id: string }).id;

    const socketUrl = `${stack.gatewayUrl.replace('http', 'ws')}/api/v1/conversations/ws`;
    const buyerSocket = await WsTestClient.connect(socketUrl, { authorization: `Bearer ${buyerToken}` });
    const sellerSocket = await WsTestClient.connect(`${socketUrl}?access_token=${seller.token}`, {});
    sockets.push(buyerSocket, sellerSocket);
    const receipt = (status: string, messageId: string) => (frame: Frame) => frame.type === 'receipt' && frame.status === status && frame.messageId === messageId;

    sellerSocket.send({ type: 'send', conversationId, body: 'Yes, solid brass.', clientMessageId: 'answer-1' });
    const answer = await buyerSocket.next((frame) => frame.type === 'message' && frame.message.body === 'Yes, solid brass.', 30_000);
    await sellerSocket.next(receipt('delivered', answer.message.id), 30_000);
    buyerSocket.send({ type: 'read', conversationId, upToMessageId: answer.message.id });
    expect(await sellerSocket.next(receipt('read', answer.message.id), 30_000)).toMatchObject({ conversationId, userId: buyer.id });

    const stranger = await registerAndLogin(stack.api);
    const peek = await stack.api.get(`/conversations/${conversationId}/messages`, stranger.session.accessToken);
    expect(peek.status).toBe(403);
    expect((peek.body as { error: { code: string } }).error.code).toBe('not_a_participant');
    const strangerSocket = await WsTestClient.connect(socketUrl, { authorization: `Bearer ${stranger.session.accessToken}` });
    sockets.push(strangerSocket);
    strangerSocket.send({ type: 'send', conversationId, body: 'Let me in', ref: 'intruder' });
    expect((await strangerSocket.next((frame) => frame.type === 'error', 30_000)).error.code).toBe('not_a_participant');

    expectOk(await stack.api.post(`/conversations/${conversationId}/block`, {}, seller.token), 200, 'block');
    const blocked = await stack.api.post(`/conversations/${conversationId}/messages`, { body: 'Hello?' }, buyerToken);
    expect(blocked.status).toBe(403);
    expect((blocked.body as { error: { code: string } }).error.code).toBe('blocked_by_participant');
    expectOk(await stack.api.post(`/conversations/${conversationId}/unblock`, {}, seller.token), 200, 'unblock');

    let limited;
    for (let i = 0; i < 10 && !limited; i++) {
      const sent = await stack.api.post(`/conversations/${conversationId}/messages`, { body: `Question ${i}` }, buyerToken);
      if (sent.status === 429) limited = sent;
      else expect(sent.status).toBe(201);
    }
    expect(limited?.headers.get('retry-after')).toMatch(/^\d+$/);
    expect((limited?.body as { error: { code: string } }).error.code).toBe('too_many_messages');
  });
});
