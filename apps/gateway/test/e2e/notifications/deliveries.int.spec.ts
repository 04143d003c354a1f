import { createCloudEvent, type EventDataInput, type EventType, topicForType } from '@marketplace/contracts';
import type { MessageBus, Producer } from '@marketplace/messaging';
import { SmtpTestServer, waitFor } from '@marketplace/testing';
import { randomUUID } from 'node:crypto';
import { MarketplaceStack } from '../support/marketplace-stack';
import { login, registerAndLogin } from '../support/users';

// A build, three processes, Kafka group joins.
jest.setTimeout(300_000);

const eur = (amount: number) => ({ amount, currency: 'EUR' });

/**
 * Deliveries with notifications as its own process on the real bus (Kafka when the run has a broker),
 * a real SMTP server as the peer that can refuse, and admins acting through the gateway. The test plays
 * orders: it publishes orders' events itself, duplicates included.
 */
describe('notification deliveries e2e', () => {
  let smtp: SmtpTestServer;
  let stack: MarketplaceStack;
  let bus: MessageBus;
  let producer: Producer;

  beforeAll(async () => {
    smtp = await SmtpTestServer.start();
    stack = await MarketplaceStack.start({
      label: 'deliveries',
      services: ['notifications'],
      env: { notifications: { SMTP_URL: smtp.url, NOTIFY_RETRY_INITIAL_MS: '300', NOTIFY_DISPATCH_INTERVAL_MS: '100' } },
    });
    bus = stack.bus('e2e-orders');
    producer = await bus.producer();
  });

  afterAll(async () => {
    await producer?.close();
    await bus?.close();
    await stack?.stop();
    await smtp?.close();
  });

  const publish = async <T extends EventType>(type: T, subject: string, data: EventDataInput<T>, id: string = randomUUID()) => {
    const event = createCloudEvent({ id, type, subject, data, source: 'marketplace/orders', time: new Date().toISOString() });
    await producer.send([{ topic: topicForType(type), key: subject, value: event }]);
    return event;
  };
  const emailDelivery = (sourceId: string) => stack.db('notifications.deliveries').where({ source_id: sourceId, channel: 'email' }).first();
  const VERIFICATION = 'Confirm your email address';
  const orderMails = (email: string) => smtp.mailsTo(email).filter((mail) => mail.parsed.subject !== VERIFICATION);
  /** A signed-up buyer (whose verification mail went out first, so refusals meet the order's mail) with an order placed. */
  const buyerWithOrder = async () => {
    const buyer = await registerAndLogin(stack.api);
    await waitFor(() => smtp.mailsTo(buyer.credentials.email).some((mail) => mail.parsed.subject === VERIFICATION), { timeoutMs: 60_000, description: 'the verification mail' });
    const orderId = randomUUID();
    const line = { productId: randomUUID(), sellerId: randomUUID(), title: 'Tin whistle', quantity: 1, unitPrice: eur(1200), lineTotal: eur(1200) };
    await publish('marketplace.orders.OrderPlaced.v3', orderId, {
      orderId, buyerId: buyer.id, lines: [line], subtotal: eur(1200), shipping: eur(0), tax: eur(0), total: eur(1200),
      shippingAddress: { recipientName: 'Ann', line1: '1 Main St', city: 'Berlin', postalCode: '10115', country: 'DE' }, paymentMethod: 'pm_card_visa', placedAt: new Date().toISOString(),
    });
    return { buyer, orderId };
  };
  const confirmed = (orderId: string, buyerId: string, id?: string) =>
    publish('marketplace.orders.OrderConfirmed.v1', orderId, { orderId, buyerId, paymentId: randomUUID(), confirmedAt: new Date().toISOString() }, id);

  it('sends one email when the same OrderConfirmed is delivered three times', async () => {
    const { buyer, orderId } = await buyerWithOrder();
    const eventId = randomUUID();
    for (let i = 0; i < 3; i++) await confirmed(orderId, buyer.id, eventId);
    await waitFor(async () => (await emailDelivery(eventId))?.status === 'sent', { timeoutMs: 60_000, description: 'the mail sent' });
    const later = await publish('marketplace.orders.OrderDelivered.v1', orderId, { orderId, buyerId: buyer.id, productIds: [randomUUID()], deliveredAt: new Date().toISOString() });
    await waitFor(async () => (await emailDelivery(later.id))?.status === 'sent', { timeoutMs: 60_000, description: 'a later mail, after every copy was taken' });
    expect(orderMails(buyer.credentials.email).map((mail) => mail.parsed.subject)).toEqual([`Your order ${orderId.slice(0, 8)} is confirmed`, `Your order ${orderId.slice(0, 8)} was delivered`]);
  });

  it('tries again after two temporary refusals, and the record shows the backoff', async () => {
    const { buyer, orderId } = await buyerWithOrder();
    smtp.refuseNext(2, 451);
    const event = await confirmed(orderId, buyer.id);
    const row = await waitFor(async () => {
      const found = await emailDelivery(event.id);
      return found?.status === 'sent' ? found : undefined;
    }, { timeoutMs: 60_000, description: 'the mail sent on the third attempt' });
    expect(row.attempts).toBe(3);
    expect(row.attempt_log.map((entry: { outcome: string }) => entry.outcome)).toEqual(['retry', 'retry', 'sent']);
    const waits = row.attempt_log.slice(0, 2).map((entry: { at: string; retryAt: string }) => Date.parse(entry.retryAt) - Date.parse(entry.at));
    expect(waits[0]).toBeGreaterThanOrEqual(150);
    expect(waits[0]).toBeLessThanOrEqual(300);
    expect(waits[1]).toBeGreaterThanOrEqual(300);
    expect(waits[1]).toBeLessThanOrEqual(600);
    expect(orderMails(buyer.credentials.email)).toHaveLength(1);
  });

  it('fails a permanently refused mail, lists it for admins through the gateway, and an admin retry delivers it', async () => {
    const { buyer, orderId } = await buyerWithOrder();
    smtp.refuseRecipient(buyer.credentials.email, 550);
    const event = await confirmed(orderId, buyer.id);
    const failed = await waitFor(async () => {
      const found = await emailDelivery(event.id);
      return found?.status === 'failed' ? found : undefined;
    }, { timeoutMs: 60_000, description: 'the delivery failed' });
    const admin = (await login(stack.api, stack.admin.email, stack.admin.password)).accessToken;
    const listed = await stack.api.get('/admin/notifications/deliveries?status=failed&limit=100', admin);
    expect(listed.status).toBe(200);
    expect((listed.body as { items: Array<{ id: string; lastError: string }> }).items.find((item) => item.id === failed.id)?.lastError).toMatch(/^550/);
    expect((await stack.api.post(`/admin/notifications/deliveries/${failed.id}/retry`, {}, buyer.session.accessToken)).status).toBe(403);

    smtp.acceptRecipient(buyer.credentials.email);
    expect((await stack.api.post(`/admin/notifications/deliveries/${failed.id}/retry`, {}, admin)).status).toBe(202);
    await waitFor(async () => (await emailDelivery(event.id))?.status === 'sent', { timeoutMs: 60_000, description: 'the retried mail sent' });
    expect(orderMails(buyer.credentials.email)).toHaveLength(1);
  });
});
