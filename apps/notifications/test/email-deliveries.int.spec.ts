import { SmtpTestServer, waitFor } from '@marketplace/testing';
import { randomUUID } from 'node:crypto';
import { confirmOrder, placeOrder, registerUser } from './fixtures';
import { NotificationsTestApp } from './notifications-app';

const delivery = (app: NotificationsTestApp, sourceId: string, recipientId: string, channel: string) =>
  app.db('deliveries').where({ source_id: sourceId, recipient_id: recipientId, channel }).first();

describe('email deliveries (notifications in-process, a real SMTP server as the peer)', () => {
  let smtp: SmtpTestServer;
  let app: NotificationsTestApp;

  beforeAll(async () => {
    smtp = await SmtpTestServer.start();
    app = await NotificationsTestApp.start({ SMTP_URL: smtp.url, NOTIFY_MAX_ATTEMPTS: '4' });
  });

  afterAll(async () => {
    await app?.close();
    await smtp?.close();
  });

  it('mails the buyer a confirmation with the lines and totals, HTML-escaped, and the seller the lines to ship', async () => {
    const buyer = await registerUser(app, { name: 'Eve <script>alert(1)</script>' });
    const seller = await registerUser(app, { name: 'Sam Seller', roles: ['seller'] });
    const orderId = await placeOrder(app, buyer.userId, seller.userId);
    await confirmOrder(app, orderId, buyer.userId);

    const [mail] = await waitFor(() => (smtp.mailsTo(buyer.email).length > 0 ? smtp.mailsTo(buyer.email) : undefined), { timeoutMs: 20_000, description: 'the confirmation mail' });
    expect(mail.parsed.subject).toBe(`Your order ${orderId.slice(0, 8)} is confirmed`);
    expect(mail.parsed.text).toContain('2 × Merino scarf (€45.00 each)  €90.00');
    expect(mail.parsed.text).toContain('Total: €149.39');
    expect(mail.parsed.html).toContain('Eve &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(mail.parsed.html).not.toContain('<script>');
    expect(mail.parsed.html).toContain('€24.90');
    const [sellerMail] = await waitFor(() => (smtp.mailsTo(seller.email).length > 0 ? smtp.mailsTo(seller.email) : undefined), { timeoutMs: 20_000, description: 'the seller mail' });
    expect(sellerMail.parsed.subject).toBe(`New order ${orderId.slice(0, 8)} to ship`);
    expect(sellerMail.parsed.text).toContain('1 × Alpaca mittens');
  });

  it("tells the buyer of a declined payment and each seller of a refund on their sale", async () => {
    const buyer = await registerUser(app);
    const seller = await registerUser(app, { roles: ['seller'] });
    const orderId = await placeOrder(app, buyer.userId, seller.userId);
    const amount = { amount: 14939, currency: 'EUR' };
    const at = new Date().toISOString();
    await app.publish('marketplace.payments.PaymentFailed.v1', orderId, { paymentId: randomUUID(), orderId, amount, provider: 'simulated', failureCode: 'card_declined', message: 'Your card was declined.', failedAt: at });
    await app.publish('marketplace.payments.RefundIssued.v1', orderId, { refundId: randomUUID(), paymentId: randomUUID(), orderId, amount: { amount: 500, currency: 'EUR' }, provider: 'simulated', providerRefundId: 're_1', issuedBy: randomUUID(), reason: 'damaged', issuedAt: at });
    const declined = await waitFor(() => smtp.mailsTo(buyer.email)[0], { timeoutMs: 20_000, description: 'the declined payment mail' });
    expect(declined.parsed.subject).toBe('Your payment was declined');
    expect(declined.parsed.text).toContain('The payment provider said: Your card was declined.');
    const refunded = await waitFor(() => smtp.mailsTo(seller.email)[0], { timeoutMs: 20_000, description: 'the seller refund mail' });
    expect(refunded.parsed.subject).toBe(`A refund was issued on order ${orderId.slice(0, 8)}`);
    expect(refunded.parsed.text).toContain('The buyer was refunded €5.00.');
  });

  it('sends one email when the same OrderConfirmed is delivered three times', async () => {
    const buyer = await registerUser(app);
    const orderId = await placeOrder(app, buyer.userId, randomUUID());
    const eventId = randomUUID();
    for (let i = 0; i < 3; i++) await confirmOrder(app, orderId, buyer.userId, eventId);
    await waitFor(async () => (await delivery(app, eventId, buyer.userId, 'email'))?.status === 'sent', { timeoutMs: 20_000, description: 'the mail sent' });
    const later = randomUUID();
    await app.publish('marketplace.orders.OrderDelivered.v1', orderId, { orderId, buyerId: buyer.userId, productIds: [randomUUID()], deliveredAt: new Date().toISOString() }, later);
    await waitFor(async () => (await delivery(app, later, buyer.userId, 'email'))?.status === 'sent', { timeoutMs: 20_000, description: 'a later mail, after every copy was taken' });
    expect(smtp.mailsTo(buyer.email).map((mail) => mail.parsed.subject)).toEqual([`Your order ${orderId.slice(0, 8)} is confirmed`, `Your order ${orderId.slice(0, 8)} was delivered`]);
    expect(await app.db('deliveries').where({ source_id: eventId, recipient_id: buyer.userId })).toHaveLength(2);
  });

  it('retries after temporary refusals with a growing backoff, and the third attempt delivers', async () => {
    const buyer = await registerUser(app);
    const orderId = await placeOrder(app, buyer.userId, randomUUID());
    smtp.refuseNext(2, 451);
    const event = await confirmOrder(app, orderId, buyer.userId);
    const row = await waitFor(async () => {
      const found = await delivery(app, event.id, buyer.userId, 'email');
      return found?.status === 'sent' ? found : undefined;
    }, { timeoutMs: 20_000, description: 'the mail sent on the third attempt' });
    expect(row.attempts).toBe(3);
    expect(row.attempt_log.map((entry: { outcome: string }) => entry.outcome)).toEqual(['retry', 'retry', 'sent']);
    expect(row.attempt_log[0].error).toMatch(/^451/);
    const waits = row.attempt_log.slice(0, 2).map((entry: { at: string; retryAt: string }) => Date.parse(entry.retryAt) - Date.parse(entry.at));
    expect(waits[0]).toBeGreaterThanOrEqual(50);
    expect(waits[0]).toBeLessThanOrEqual(100);
    expect(waits[1]).toBeGreaterThanOrEqual(100);
    expect(waits[1]).toBeLessThanOrEqual(200);
    expect(smtp.mailsTo(buyer.email)).toHaveLength(1);
  });

  it('marks a permanently refused mail failed at once, lists it for admins, and a retry delivers it', async () => {
    const buyer = await registerUser(app);
    const orderId = await placeOrder(app, buyer.userId, randomUUID());
    smtp.refuseRecipient(buyer.email, 550);
    const event = await confirmOrder(app, orderId, buyer.userId);
    const failed = await waitFor(async () => {
      const found = await delivery(app, event.id, buyer.userId, 'email');
      return found?.status === 'failed' ? found : undefined;
    }, { timeoutMs: 20_000, description: 'the delivery failed' });
    expect(failed.attempts).toBe(1);
    expect(failed.last_error).toMatch(/^550/);

    const admin = await app.caller(['admin']);
    const listed = await app.call('GET', '/admin/notifications/deliveries?status=failed&limit=100', { as: admin });
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((item: { id: string }) => item.id)).toContain(failed.id);
    expect((await app.call('POST', `/admin/notifications/deliveries/${failed.id}/retry`, { as: await app.caller(['buyer']) })).status).toBe(403);

    smtp.acceptRecipient(buyer.email);
    const retried = await app.call('POST', `/admin/notifications/deliveries/${failed.id}/retry`, { as: admin });
    expect(retried.status).toBe(202);
    await waitFor(async () => (await delivery(app, event.id, buyer.userId, 'email'))?.status === 'sent', { timeoutMs: 20_000, description: 'the retried mail sent' });
    expect(smtp.mailsTo(buyer.email)).toHaveLength(1);
    const again = await app.call('POST', `/admin/notifications/deliveries/${failed.id}/retry`, { as: admin });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('delivery_not_failed');
    const events = await app.db('outbox').where({ key: failed.id }).orderBy('id').pluck('event_type');
    expect(events).toEqual(['marketplace.notifications.NotificationFailed.v1', 'marketplace.notifications.NotificationDelivered.v1']);
  });

  it('sends nothing for an event older than NOTIFY_MAX_EVENT_AGE_MS (a replay, a new deployment), while still learning from it', async () => {
    const buyer = await registerUser(app);
    const orderId = await placeOrder(app, buyer.userId, randomUUID());
    const old = await app.publish('marketplace.orders.OrderConfirmed.v1', orderId, { orderId, buyerId: buyer.userId, paymentId: randomUUID(), confirmedAt: new Date().toISOString() }, randomUUID(), new Date(Date.now() - 2 * 86_400_000));
    const recent = await app.publish('marketplace.orders.OrderDelivered.v1', orderId, { orderId, buyerId: buyer.userId, productIds: [randomUUID()], deliveredAt: new Date().toISOString() });
    await waitFor(async () => (await delivery(app, recent.id, buyer.userId, 'email'))?.status === 'sent', { timeoutMs: 20_000, description: 'the recent mail sent' });
    expect(await app.db('deliveries').where({ source_id: old.id })).toHaveLength(0);
    expect(await app.db('inbox').where({ event_id: old.id })).toHaveLength(1);
  });

  it('holds an order message until its buyer is in the directory, then sends it once', async () => {
    const buyerId = randomUUID();
    const orderId = await placeOrder(app, buyerId, randomUUID());
    const event = await confirmOrder(app, orderId, buyerId);
    await waitFor(async () => (await app.db('parked_events').where({ waiting_for: `user:${buyerId}`, event_id: event.id })).length === 1, { timeoutMs: 20_000, description: 'the event parked' });
    const email = `${buyerId.slice(0, 8)}-late@example.com`;
    await app.publish('marketplace.identity.UserRegistered.v1', buyerId, { userId: buyerId, email, displayName: 'Late Larry', registeredAt: new Date().toISOString() });
    await waitFor(() => smtp.mailsTo(email).length === 1, { timeoutMs: 20_000, description: 'the parked mail sent' });
    expect(await app.db('parked_events').where({ event_id: event.id, waiting_for: `user:${buyerId}` })).toHaveLength(0);
  });
});
