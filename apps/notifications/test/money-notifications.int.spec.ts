import { waitFor } from '@marketplace/testing';
import { randomUUID } from 'node:crypto';
import { registerUser } from './fixtures';
import { MailFiles } from './mail-files';
import { NotificationsTestApp } from './notifications-app';
import { received } from './received';

const eur = (amount: number) => ({ amount, currency: 'EUR' });
const now = () => new Date().toISOString();

describe("payouts' and mobile money's notifications (orders and payments played on the bus, mail written as files)", () => {
  let mail: MailFiles;
  let app: NotificationsTestApp;
  let user: ReturnType<typeof received>;

  beforeAll(async () => {
    mail = await MailFiles.create();
    app = await NotificationsTestApp.start({ MAIL_DIR: mail.directory });
    user = received(app, mail);
  });

  afterAll(async () => {
    await app?.close();
    await mail?.remove();
  });

  it('tells the seller of a payout paid and of one that failed, with the reason', async () => {
    const seller = await registerUser(app, { roles: ['seller'], locale: 'de' });
    await app.publish('marketplace.payments.SellerPayoutPaid.v1', randomUUID(), { payoutId: randomUUID(), sellerId: seller.userId, amount: eur(10755), providerPayoutId: 'po_sim_1', paidAt: now() });
    await app.publish('marketplace.payments.SellerPayoutFailed.v1', randomUUID(), { payoutId: randomUUID(), sellerId: seller.userId, amount: eur(2000), failureCode: 'account_closed', message: 'The bank account is closed.', failedAt: now() });
    const paid = await user.mailTo(seller.email, 'We paid you 107,55\u00a0€');
    expect(paid.text).toContain('(reference po_sim_1)');
    const failed = await user.mailTo(seller.email, 'Your payout of 20,00\u00a0€ failed');
    expect(failed.text).toContain('The payout provider said: The bank account is closed.');
    // Two payouts are two streams, so two partition keys: their notifications may come in either order.
    expect((await user.titles(seller.userId)).sort()).toEqual(['We paid you 107,55\u00a0€', 'Your payout of 20,00\u00a0€ failed']);
  });

  it('asks a buyer paying by M-Pesa to approve the push on their phone, in-app and by SMS, and words an expired request', async () => {
    const buyer = await registerUser(app, { phone: '+254712345678' });
    await app.call('PUT', '/notifications/preferences', { as: await app.caller(['buyer'], buyer.userId), body: { sms: { transactional: true } } });
    const orderId = randomUUID();
    const kes = (amount: number) => ({ amount, currency: 'KES' });
    await app.publish('marketplace.orders.OrderPlaced.v3', orderId, {
      orderId,
      buyerId: buyer.userId,
      lines: [{ productId: randomUUID(), sellerId: randomUUID(), title: 'Kikoy', quantity: 1, unitPrice: kes(150000), lineTotal: kes(150000) }],
      subtotal: kes(150000),
      shipping: kes(0),
      tax: kes(0),
      total: kes(150000),
      shippingAddress: { recipientName: 'Wanjiru', line1: '1 Moi Avenue', city: 'Nairobi', postalCode: '00100', country: 'KE' },
      paymentMethod: { type: 'mobile_money', provider: 'mpesa', phone: '+254708374149' },
      placedAt: now(),
    });
    const paymentId = randomUUID();
    const push = await app.publish('marketplace.payments.PaymentRequiresAction.v1', paymentId, { paymentId, orderId, provider: 'mpesa', providerPaymentId: 'ws_CO_1', nextActionType: 'mobile_money_push', requestedAt: now() });
    const sms = await waitFor(async () => {
      const row = await app.db('deliveries').where({ source_id: push.id, recipient_id: buyer.userId, channel: 'sms' }).first();
      return row?.status === 'sent' ? row : undefined;
    }, { timeoutMs: 20_000, description: 'the SMS sent (to the log)' });
    expect(sms.address).toBe('+254712345678');
    expect(sms.body_text).toContain('We sent a M-Pesa request for KES\u00a01,500.00');
    expect((await user.inbox(buyer.userId))[0]).toMatchObject({ title: 'Approve the payment on your phone', body: expect.stringContaining('to +254708374149: enter your PIN there') });

    await app.publish('marketplace.payments.PaymentFailed.v1', paymentId, { paymentId, orderId, amount: kes(150000), provider: 'mpesa', failureCode: 'expired', message: 'DS timeout user cannot be reached', failedAt: now() });
    const expired = await user.mailTo(buyer.email, 'Your payment request expired');
    expect(expired.text).toContain('did not go through because the request sent to your phone was not approved in time, so the order was not placed.');
  });
});
