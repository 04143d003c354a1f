import { waitFor } from '@marketplace/testing';
import { randomUUID } from 'node:crypto';
import { placeOrder, registerUser } from './fixtures';
import { MailFiles } from './mail-files';
import { NotificationsTestApp } from './notifications-app';
import { received } from './received';

const eur = (amount: number) => ({ amount, currency: 'EUR' });
const now = () => new Date().toISOString();

describe("disputes' notifications (orders played on the bus, mail written as files)", () => {
  let mail: MailFiles;
  let app: NotificationsTestApp;
  let user: ReturnType<typeof received>;

  beforeAll(async () => {
    mail = await MailFiles.create();
    app = await NotificationsTestApp.start({ MAIL_DIR: mail.directory, PUBLIC_WEB_URL: 'https://shop.example' });
    user = received(app, mail);
  });

  afterAll(async () => {
    await app?.close();
    await mail?.remove();
  });

  async function parties() {
    const buyer = await registerUser(app, { name: 'Eve <script>alert(1)</script>' });
    const seller = await registerUser(app, { name: 'Sam Seller', roles: ['seller'] });
    const admin = await registerUser(app, { name: 'Ada Admin', roles: ['admin'] });
    // Admins are looked up when a dispute is handled, and identity's topic is not ordered with orders': the
    // admin must be known first, or the case mail rightly goes to no one.
    await waitFor(async () => (await app.db('users').where({ id: admin.userId }).whereRaw(`'admin' = any (roles)`)).length === 1, { timeoutMs: 20_000, description: 'the admin in the directory' });
    const products = { scarf: randomUUID(), mittens: randomUUID() };
    const orderId = await placeOrder(app, buyer.userId, seller.userId, randomUUID(), products);
    return { buyer, seller, admin, orderId, products };
  }

  it('tells the buyer, the seller and the admins of each step of a dispute, and never a party of their own message', async () => {
    const { buyer, seller, admin, orderId, products } = await parties();
    const disputeId = randomUUID();
    const step = { disputeId, orderId, buyerId: buyer.userId };
    const short = orderId.slice(0, 8);
    await app.publish('marketplace.orders.DisputeOpened.v1', disputeId, {
      ...step,
      paymentId: randomUUID(),
      kind: 'buyer',
      lines: [{ productId: products.mittens, sellerId: seller.userId, amount: eur(2950) }],
      reason: 'damaged',
      description: 'One mitten arrived <torn>.',
      openedAt: now(),
    });

    const opened = await user.mailTo(seller.email, `A buyer disputed your items on order ${short}`);
    expect(opened.text).toContain('The buyer disputed 1 × Alpaca mittens (arrived damaged). Your €29.50 for them is held until the dispute is resolved');
    expect(opened.text).toContain(`Answer the dispute: https://shop.example/disputes/${disputeId}`);
    expect(opened.html).toContain('The buyer wrote: One mitten arrived &lt;torn&gt;.');
    await user.mailTo(buyer.email, `We received your dispute on order ${short}`);
    const caseMail = await user.mailTo(admin.email, `New dispute on order ${short}: arrived damaged`);
    expect(caseMail.html).toContain(`href="https://shop.example/admin/disputes/${disputeId}"`);
    expect((await user.inbox(admin.userId))[0]).toMatchObject({ title: `New dispute on order ${short}: arrived damaged`, link: `https://shop.example/admin/disputes/${disputeId}` });

    await app.publish('marketplace.orders.DisputeResponded.v1', disputeId, { ...step, responderId: seller.userId, role: 'seller', message: 'A photo of the tear, please?', respondedAt: now() });
    await app.publish('marketplace.orders.DisputeReturnRequested.v1', disputeId, { ...step, requestedBy: admin.userId, refundOnReceipt: eur(2950), requestedAt: now() });
    await app.publish('marketplace.orders.DisputeResolved.v1', disputeId, { ...step, paymentId: randomUUID(), outcome: 'refunded', refund: eur(1500), resolvedBy: admin.userId, note: 'Half refunded.', resolvedAt: now() });

    const resolved = await user.mailTo(buyer.email, `The dispute on order ${short}: refunded €15.00`);
    expect(resolved.text).toContain("Our staff's note: Half refunded.");
    expect(resolved.html).toContain('Hello Eve &lt;script&gt;alert(1)&lt;/script&gt;,');
    await waitFor(async () => (await user.titles(seller.userId)).length === 3, { timeoutMs: 20_000, description: "the seller's three notifications" });
    expect(await user.titles(buyer.userId)).toEqual([
      `We received your dispute on order ${short}`,
      `The seller wrote in the dispute on order ${short}`,
      `Please send back the items of your dispute on order ${short}`,
      `The dispute on order ${short}: refunded €15.00`,
    ]);
    expect(await user.titles(seller.userId)).toEqual([
      `A buyer disputed your items on order ${short}`,
      `The buyer sends back items of order ${short}`,
      `The dispute on order ${short}: €15.00 refunded to the buyer`,
    ]);
    expect(await user.titles(admin.userId)).toEqual([`New dispute on order ${short}: arrived damaged`]);
  });

  it('holds a step that arrives before its dispute is known, and sends it once DisputeOpened is', async () => {
    const { buyer, seller, orderId, products } = await parties();
    const disputeId = randomUUID();
    const responded = await app.publish('marketplace.orders.DisputeResponded.v1', disputeId, { disputeId, orderId, buyerId: buyer.userId, responderId: buyer.userId, role: 'buyer', message: 'Any news?', respondedAt: now() });
    await waitFor(async () => (await app.db('parked_events').where({ waiting_for: `dispute:${disputeId}`, event_id: responded.id })).length === 1, { timeoutMs: 20_000, description: 'the step parked' });
    await app.publish('marketplace.orders.DisputeOpened.v1', disputeId, {
      disputeId, orderId, buyerId: buyer.userId, paymentId: randomUUID(), kind: 'buyer', lines: [{ productId: products.scarf, sellerId: seller.userId, amount: eur(9000) }], reason: 'not_received', description: 'Nothing came.', openedAt: now(),
    });
    await waitFor(async () => (await user.titles(seller.userId)).includes(`The buyer wrote in the dispute on order ${orderId.slice(0, 8)}`), { timeoutMs: 20_000, description: "the buyer's message to the seller" });
    expect(await user.titles(buyer.userId)).toEqual([`We received your dispute on order ${orderId.slice(0, 8)}`]);
  });

  it("keeps a dispute's order when its opening waits for the order and its buyer: the later steps wait behind it", async () => {
    const buyerId = randomUUID();
    const seller = await registerUser(app, { name: 'Sol Seller', roles: ['seller'] });
    const products = { scarf: randomUUID(), mittens: randomUUID() };
    const orderId = randomUUID();
    const disputeId = randomUUID();
    const step = { disputeId, orderId, buyerId };
    const short = orderId.slice(0, 8);
    const opened = await app.publish('marketplace.orders.DisputeOpened.v1', disputeId, {
      ...step, paymentId: randomUUID(), kind: 'buyer', lines: [{ productId: products.scarf, sellerId: seller.userId, amount: eur(9000) }], reason: 'damaged', description: 'Torn.', openedAt: now(),
    });
    await waitFor(async () => (await app.db('parked_events').where({ waiting_for: `order:${orderId}`, event_id: opened.id })).length === 1, { timeoutMs: 20_000, description: 'the opening parked for its order' });
    const responded = await app.publish('marketplace.orders.DisputeResponded.v1', disputeId, { ...step, responderId: seller.userId, role: 'seller', message: 'Sorry!', respondedAt: now() });
    const resolved = await app.publish('marketplace.orders.DisputeResolved.v1', disputeId, { ...step, paymentId: randomUUID(), outcome: 'refunded', refund: eur(1500), resolvedBy: seller.userId, note: 'Half.', resolvedAt: now() });
    const steps = [opened.id, responded.id, resolved.id];
    const parkedUnder = async (key: string) => (await app.db('parked_events').where({ waiting_for: key }).whereIn('event_id', steps).orderBy('seq').pluck('event_id')) as string[];
    await waitFor(async () => (await parkedUnder(`order:${orderId}`)).length === 3, { timeoutMs: 20_000, description: 'the later steps parked behind the opening' });

    // The order comes, the buyer is still unknown: the three wait for the buyer, re-parked in one transaction.
    await placeOrder(app, buyerId, seller.userId, orderId, products);
    await waitFor(async () => (await parkedUnder(`user:${buyerId}`)).length === 3, { timeoutMs: 20_000, description: 'the steps parked for the buyer' });
    expect(await parkedUnder(`user:${buyerId}`)).toEqual(steps);

    await registerUser(app, { userId: buyerId, name: 'Lena' });
    const disputeTitles = async () => (await user.titles(buyerId)).filter((title) => title.includes('dispute'));
    await waitFor(async () => (await disputeTitles()).length === 3, { timeoutMs: 20_000, description: "the buyer's three dispute notifications" });
    expect(await disputeTitles()).toEqual([`We received your dispute on order ${short}`, `The seller wrote in the dispute on order ${short}`, `The dispute on order ${short}: refunded €15.00`]);
    expect(await app.db('parked_events').whereIn('event_id', steps)).toEqual([]);
  });
});
