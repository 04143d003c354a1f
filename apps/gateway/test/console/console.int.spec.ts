import { createCloudEvent, dlqTopic, eventExamples, TOPICS } from '@marketplace/contracts';
import { EventConsumer, type MessageBus } from '@marketplace/messaging';
import { type Browser, chromiumBackend, describeEachBackend, launchChromium, screenshotsDirectory, SmtpTestServer, uniqueName, waitFor } from '@marketplace/testing';
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { MarketplaceActors } from '../e2e/support/marketplace-actors';
import { MarketplaceStack } from '../e2e/support/marketplace-stack';
import { expectOk, newCredentials, registerAndLogin, sellerApplication, totpCode } from '../e2e/support/users';
import { ConsolePage } from './console-page';

// A build, seven processes, checkouts through the bus, and a browser.
jest.setTimeout(300_000);

type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- response bodies are read field by field

const ORDERS = 3;
const PRICE = 2500;
/** A topic every service reads; a consumer group of the test's own fails on what it sends there, which leaves a dead letter. */
const POISONED = TOPICS.catalogProduct;

/**
 * The console in Debian's Chromium against the marketplace's processes: an admin signs in and sees the
 * charts drawn from the orders the test placed (the same figures as the analytics API), approves a
 * seller application, refunds a dispute, retries a notification the mail server had refused, rebuilds a
 * projection, replays a dead letter; a buyer is refused. Every page is photographed into
 * test-results/console/.
 */
describeEachBackend('admin console', [chromiumBackend()], (executablePath) => {
  let stack: MarketplaceStack;
  let browser: Browser;
  let page: Page;
  let ui: ConsolePage;
  let adminToken: string;
  let smtp: SmtpTestServer;
  let people: MarketplaceActors;
  /** Who sold and bought the orders placed, and the last of them (disputed later, after the charts have counted it confirmed). */
  let shop: { seller: { token: string }; buyer: { token: string }; productId: string; orderId: string };
  let applicant: { businessName: string; applicationId: string };
  let bus: MessageBus;
  let failing: EventConsumer;
  /** The test's group refuses the poisoned event until the fault is "fixed", then handles it. */
  const fault = { fixed: false, handled: false };
  const poison = createCloudEvent({
    id: randomUUID(),
    time: new Date().toISOString(),
    source: 'marketplace/catalog',
    type: 'marketplace.catalog.ProductCreated.v1',
    subject: randomUUID(),
    data: eventExamples['marketplace.catalog.ProductCreated.v1'],
  });

  beforeAll(async () => {
    // Topics of its own on a shared broker: the dead letters listed are this stack's.
    // A mail server that can refuse a recipient, so a notification fails for good.
    smtp = await SmtpTestServer.start();
    stack = await MarketplaceStack.start({
      label: 'console',
      services: ['catalog', 'orders', 'payments', 'notifications', 'search'],
      ops: true,
      kafkaTopicPrefix: `${uniqueName('console')}.`,
      env: { notifications: { SMTP_URL: smtp.url } },
    });
    people = new MarketplaceActors(stack);
    adminToken = await people.admin();
    const seller = await people.seller();
    const productId = await people.product(seller, { price: PRICE, onHand: 20, title: 'Console lamp' });
    const buyer = await people.buyer();
    let orderId = '';
    for (let order = 0; order < ORDERS; order++) {
      orderId = await people.checkout(buyer, productId);
      expect(await people.finalOrder(buyer, orderId)).toMatchObject({ status: 'confirmed' });
    }
    shop = { seller, buyer, productId, orderId };
    const wannabe = await registerAndLogin(stack.api, newCredentials('applicant'));
    const application = sellerApplication();
    const applied = await stack.api.post('/sellers/applications', application, wannabe.session.accessToken);
    expectOk(applied, 201, 'seller application');
    applicant = { businessName: application.businessName as string, applicationId: (applied.body as Body).id };

    bus = stack.bus('console-test');
    failing = await EventConsumer.start(bus, {
      groupId: 'console-test-failing',
      topics: [POISONED],
      retry: { maxAttempts: 1, initialDelayMs: 10, maxDelayMs: 10 },
      handler: async (event) => {
        if (event.id !== poison.id) return;
        if (!fault.fixed) throw new Error('the test refuses this product');
        fault.handled = true;
      },
    });
    const producer = await bus.producer();
    await producer.send([{ topic: POISONED, key: poison.subject, value: poison }]);
    await producer.close();
    await waitFor(async () => (await bus.readTopic(dlqTopic(POISONED))).length > 0, { timeoutMs: 60_000, description: 'the poisoned event to be dead-lettered' });

    browser = await launchChromium(executablePath());
    page = await browser.context.newPage();
    ui = new ConsolePage(page, screenshotsDirectory());
    await page.goto(`${stack.gatewayUrl}/console`);
  });

  afterAll(async () => {
    await browser?.close();
    await failing?.stop();
    await bus?.close();
    await stack?.stop();
    await smtp?.close();
  });

  const api = async (path: string): Promise<Body> => {
    const answer = await stack.api.get(path, adminToken);
    expectOk(answer, 200, `GET ${path}`);
    return answer.body as Body;
  };

  it('shows what the API answers to a wrong password in its alert region', async () => {
    await ui.heading('Sign in').waitFor();
    await ui.screenshot('sign-in');
    const refused = await stack.api.post('/auth/login', { email: stack.admin.email, password: 'not-the-password' });
    await ui.signIn(stack.admin.email, 'not-the-password');
    await ui.alert().getByText((refused.body as Body).error.message).waitFor();
    expect(refused.status).toBe(401);
  });

  it('signs the admin in to the overview, whose charts draw the analytics API figures', async () => {
    await ui.signIn(stack.admin.email, stack.admin.password);
    await ui.heading('Overview').waitFor();
    const range = await ui.rangeQuery();
    const sales = (await api(`/admin/analytics/sales?${range}&granularity=day&currency=EUR`)).items as Body[];
    expect(sales.reduce((sum, item) => sum + item.placedOrders, 0)).toBe(ORDERS);
    expect(sales.reduce((sum, item) => sum + item.gmv.amount, 0)).toBe(ORDERS * PRICE);

    expect(await ui.drawn('GMV per day (EUR)')).toEqual(sales.map((item) => ({ label: item.start.slice(0, 10), value: item.gmv.amount })));
    expect(await ui.drawn('Orders per day (EUR)')).toEqual(sales.map((item) => ({ label: item.start.slice(0, 10), value: item.placedOrders })));
    const funnel = (await api(`/admin/analytics/funnel?${range}&currency=EUR`)).items as Body[];
    expect(await ui.drawn('Funnel')).toEqual(funnel.map((stage) => ({ label: stage.stage, value: stage.count })));
    expect(await page.locator('#total-orders').textContent()).toBe(String(ORDERS));
    // The text alternative names the highest day: the one with the orders.
    expect(await ui.chart('GMV per day (EUR)').locator('svg').getAttribute('aria-label')).toContain(`highest €${(ORDERS * PRICE) / 100}.00 at ${new Date().toISOString().slice(0, 10)}`);

    const live = await waitFor(async () => {
      const points = await ui.drawn('Orders placed per minute');
      return points.reduce((sum, point) => sum + point.value, 0) === ORDERS ? points : undefined;
    }, { timeoutMs: 60_000, description: 'the live chart to count the orders of the last hour' });
    expect(live.length).toBeGreaterThanOrEqual(60);
    await ui.screenshot('overview');
    // A phone: nothing is wider than the screen, the page does not scroll sideways.
    expect(await ui.onPhone('GMV per day (EUR)', 'overview-390')).toBeLessThanOrEqual(390);
  });

  it('shows on the analytics page the figures of the analytics API: top product, capture rate, orders by status', async () => {
    await ui.open('Analytics', 'Analytics');
    const range = await ui.rangeQuery();
    // The payments' projection may still be folding the captures: the page is drawn again once the API counts them all.
    const payments = await waitFor(async () => {
      const answer = await api(`/admin/analytics/payments?${range}&granularity=day&currency=EUR`);
      return answer.totals[0]?.captured === ORDERS ? answer : undefined;
    }, { timeoutMs: 60_000, description: 'the payments analytics to count the captures' });
    await ui.show();
    const euros = (amount: number): string => new Intl.NumberFormat('en', { style: 'currency', currency: 'EUR' }).format(amount / 100);

    const [top] = (await api(`/admin/analytics/top-products?${range}&currency=EUR&limit=10`)).items as Body[];
    expect(top).toMatchObject({ title: 'Console lamp', units: ORDERS, revenue: { amount: ORDERS * PRICE, currency: 'EUR' } });
    const firstProduct = page.getByRole('region', { name: 'Top products (EUR)' }).locator('tbody tr').first().locator('td');
    await firstProduct.first().waitFor();
    expect(await firstProduct.allTextContents()).toEqual([top.title, String(top.units), euros(top.revenue.amount)]);

    const captureRate = payments.totals[0].captureRate;
    expect(captureRate).toBe(1);
    expect(await page.locator('#capture-rate').textContent()).toBe(`${captureRate * 100}%`);
    expect(await page.locator('#payments-captured').textContent()).toBe(String(ORDERS));
    expect(await ui.drawn('Captured per day (EUR)')).toEqual(payments.series.map((point: Body) => ({ label: point.start.slice(0, 10), value: point.capturedAmount.amount })));

    const statuses = (await api(`/admin/analytics/orders-by-status?${range}&currency=EUR`)).items as Body[];
    expect(statuses.find((item) => item.status === 'confirmed')).toEqual({ status: 'confirmed', orders: ORDERS });
    expect(await ui.drawn('by status')).toEqual(statuses.map((item) => ({ label: item.status, value: item.orders })));
    await ui.screenshot('analytics');
    expect(await ui.onPhone('Captured per day (EUR)', 'analytics-390')).toBeLessThanOrEqual(390);
  });

  it('approves a seller application from the queues', async () => {
    await ui.open('Queues', 'Queues');
    await page.getByRole('button', { name: `Approve ${applicant.businessName}` }).click();
    await ui.status().getByText(`${applicant.businessName} approved.`).waitFor();
    const approved = (await api('/admin/seller-applications?status=approved&limit=100')).items as Body[];
    expect(approved.find((item) => item.id === applicant.applicationId)).toMatchObject({ status: 'approved' });
    await page.getByRole('button', { name: `Approve ${applicant.businessName}` }).waitFor({ state: 'detached' });
    await ui.screenshot('queues');
  });

  it('refunds part of an open dispute from the queues (a badly written amount is refused on the page), and the order is refunded that part', async () => {
    const { seller, buyer, productId, orderId } = shop;
    expectOk(await stack.api.post(`/seller/orders/${orderId}/ship`, { carrier: 'DHL', trackingNumber: 'CONSOLE1' }, seller.token), 200, 'ship');
    const opened = await stack.api.post(`/orders/${orderId}/disputes`, { lineIds: [productId], reason: 'damaged', description: 'The shade arrived cracked.' }, buyer.token);
    expectOk(opened, 201, 'open a dispute');
    const { disputeId } = opened.body as Body;
    // The open disputes are a projection: the page is refreshed once the API lists this one.
    await waitFor(async () => ((await api('/disputes?status=open&limit=100')).items as Body[]).some((item) => item.disputeId === disputeId), { timeoutMs: 60_000, description: 'the dispute in the open list' });
    await page.getByRole('button', { name: 'Refresh the queues' }).click();

    const label = `dispute of order ${orderId.slice(0, 8)}`;
    const part = 1050;
    await page.getByLabel(`Decision on the ${label}`).selectOption({ label: 'Refund' });
    const amount = page.getByLabel(`Amount in EUR to refund on the ${label} (blank: all of €25.00)`);
    await amount.fill('10.505');
    await page.getByRole('button', { name: `Resolve the ${label}` }).click();
    await ui.alert().getByText('"10.505" is not an amount in EUR: write it like 12.50.').waitFor();
    expect(await api(`/disputes/${disputeId}`)).toMatchObject({ status: 'open' });

    await amount.fill('10.50');
    await page.getByLabel(`Note on the ${label}`).fill('Cracked in transit.');
    await ui.screenshot('queues-dispute');
    await page.getByRole('button', { name: `Resolve the ${label}` }).click();
    await ui.status().getByText(`The ${label}: refunded (€10.50).`).waitFor();
    await page.getByRole('button', { name: `Resolve the ${label}` }).waitFor({ state: 'detached' });

    expect(await api(`/disputes/${disputeId}`)).toMatchObject({ status: 'resolved', resolution: { outcome: 'refunded', refund: { amount: part, currency: 'EUR' }, note: 'Cracked in transit.' } });
    const refunds = await waitFor(async () => {
      const events = ((await api(`/orders/${orderId}/history`)).events as Body[]).filter((event) => event.type === 'OrderRefunded');
      return events.length > 0 ? events : undefined;
    }, { timeoutMs: 60_000, description: 'the OrderRefunded of the dispute' });
    expect(refunds.map((event) => event.data.amount)).toEqual([{ amount: part, currency: 'EUR' }]);
  });

  it('shows a notification the mail server refused with its error, and retries it once the server accepts the recipient', async () => {
    const credentials = newCredentials('refused');
    smtp.refuseRecipient(credentials.email, 550);
    await registerAndLogin(stack.api, credentials);
    const failed = await waitFor(async () => ((await api('/admin/notifications/deliveries?status=failed&limit=100')).items as Body[]).find((item) => item.address === credentials.email), {
      timeoutMs: 60_000,
      description: 'the refused verification mail to fail',
    });
    expect(failed.lastError).toMatch(/^550/);
    await page.getByRole('button', { name: 'Refresh the queues' }).click();

    const retry = page.getByRole('button', { name: `Retry the ${failed.template} email to ${credentials.email}` });
    const row = page.locator('tr').filter({ has: retry });
    await row.getByText(failed.lastError).waitFor();
    await ui.screenshot('queues-notification');
    smtp.acceptRecipient(credentials.email);
    await retry.click();
    await ui.status().getByText(`The ${failed.template} notification is queued again.`).waitFor();
    await retry.waitFor({ state: 'detached' });

    await waitFor(async () => (await api(`/admin/notifications/deliveries/${failed.id}`)).status === 'sent', { timeoutMs: 60_000, description: 'the retried mail sent' });
    expect(smtp.mailsTo(credentials.email)).toHaveLength(1);
  });

  it('shows each service with the figures of the ops API', async () => {
    await ui.open('Services', 'Services');
    const { items } = await api('/admin/ops/services');
    await page.locator('.service-name').first().waitFor();
    expect(await page.locator('.service-name').allTextContents()).toEqual(items.map((item: Body) => item.service));
    expect(items.find((item: Body) => item.service === 'orders')).toMatchObject({ health: 'up', ready: true });
    await ui.screenshot('services');
  });

  it('rebuilds a projection, its progress bar polled until the rebuild has succeeded', async () => {
    await ui.open('Streams & projections', 'Streams & projections');
    const { projections } = await api('/admin/ops/projections');
    const projection = projections.find((candidate: Body) => candidate.service === 'orders' && candidate.name);
    await page.getByRole('button', { name: `Rebuild orders ${projection.name}` }).click();
    const done = page.locator(`li.rebuild[data-status="succeeded"]`);
    await done.waitFor({ timeout: 120_000 });
    await ui.status().getByText(`Rebuild of orders ${projection.name} finished`).waitFor();
    const rebuild = await api(`/admin/ops/rebuilds/${await done.getAttribute('data-rebuild-id')}`);
    expect(rebuild).toMatchObject({ service: 'orders', projection: projection.name, status: 'succeeded' });
    const bar = done.getByRole('progressbar');
    expect(await bar.getAttribute('value')).toBe(await bar.getAttribute('max'));
    expect(await done.textContent()).toContain(`succeeded: ${rebuild.processed.toLocaleString('en')} of ${rebuild.total.toLocaleString('en')}`);
    await ui.screenshot('streams');
  });

  it('replays a dead letter, with its error shown', async () => {
    const before = (await api(`/admin/ops/dead-letters?topic=${POISONED}`)).items.find((letter: Body) => letter.eventId === poison.id);
    expect(before).toMatchObject({ error: 'Error: the test refuses this product', replayedAt: null });
    await page.getByLabel('Topic').fill(POISONED);
    await page.getByRole('button', { name: 'Show dead letters' }).click();
    await page.getByRole('region', { name: 'Dead letters' }).getByText(before.error).waitFor();
    fault.fixed = true;
    await page.getByRole('button', { name: `Replay ${poison.type} ${poison.id}` }).click();
    await ui.status().getByText(`Replayed ${poison.type} ${poison.id} to ${POISONED}`).waitFor();
    const after = (await api(`/admin/ops/dead-letters?topic=${POISONED}`)).items.find((letter: Body) => letter.id === before.id);
    expect(after.replayedAt).toEqual(expect.any(String));
    await page.getByRole('button', { name: `Replay ${poison.type} ${poison.id}` }).waitFor({ state: 'detached' });
    await waitFor(() => fault.handled, { timeoutMs: 60_000, description: 'the replayed event to reach the group that had refused it' });
    await ui.screenshot('streams-replayed');
  });

  it('lists the ops audit as the API does', async () => {
    await ui.open('Audit', 'Audit');
    const { items } = await api('/admin/ops/audit');
    expect(items.map((item: Body) => item.action)).toEqual(expect.arrayContaining(['dead_letter_replayed']));
    const rows = page.getByRole('region', { name: 'Ops audit' }).locator('tbody tr');
    await rows.first().waitFor();
    expect(await rows.evaluateAll((elements) => elements.map((row) => row.children[1]?.textContent))).toEqual(items.map((item: Body) => item.action));
    await ui.screenshot('audit');
  });

  it('refuses a buyer: told they are not an admin, shown nothing else', async () => {
    const buyer = await registerAndLogin(stack.api, newCredentials('buyer'));
    await page.getByRole('button', { name: 'Sign out' }).click();
    await ui.heading('Sign in').waitFor();
    await ui.signIn(buyer.credentials.email, buyer.credentials.password);
    await ui.heading('Not an admin').waitFor();
    expect(await page.locator('#not-admin').textContent()).toContain(`You are signed in as ${buyer.credentials.email}, who is not an admin`);
    expect(await page.getByRole('navigation', { name: 'Console' }).isHidden()).toBe(true);
    await page.locator('html').evaluate((html) => (html.ownerDocument.location.hash = '#/queues'));
    await ui.heading('Not an admin').waitFor();
    expect(await page.getByRole('heading', { name: 'Queues' }).count()).toBe(0);
    await ui.screenshot('not-admin');
  });

  it('asks an admin with two-step verification for the code, shows a wrong one refused, and signs them in with the right one', async () => {
    const started = await stack.api.request('/me/mfa/totp', { method: 'POST', token: adminToken });
    expectOk(started, 201, 'TOTP enrolment');
    const { secret } = started.body as Body;
    expectOk(await stack.api.post('/me/mfa/totp/confirm', { code: totpCode(secret, 0) }, adminToken), 200, 'TOTP confirmation');

    // The tokens live in the page's memory only: a reload signs the buyer of the last test out.
    await page.reload();
    await ui.heading('Sign in').waitFor();
    await ui.signIn(stack.admin.email, stack.admin.password);
    await ui.heading('Two-step verification').waitFor();
    expect(await page.locator('#code').evaluate((input) => input === input.ownerDocument.activeElement)).toBe(true);
    // Ten steps ahead: outside the accepted skew, so refused whatever the clock.
    const wrong = totpCode(secret, 10);
    const code = page.getByLabel('Code from your authenticator app (or a recovery code)');
    await code.fill(wrong);
    await page.getByRole('button', { name: 'Verify' }).click();
    const login = await stack.api.post('/auth/login', { email: stack.admin.email, password: stack.admin.password });
    const refused = await stack.api.post('/auth/mfa/verify', { challenge: (login.body as Body).challenge, code: wrong });
    expect(refused.status).toBe(401);
    await ui.alert().getByText((refused.body as Body).error.message).waitFor();
    await ui.screenshot('two-step');

    // The current step was used up by the confirmation; the next one is within the skew.
    await code.fill(totpCode(secret, 1));
    await page.getByRole('button', { name: 'Verify' }).click();
    await ui.heading('Overview').waitFor();
    expect(await page.getByRole('navigation', { name: 'Console' }).isVisible()).toBe(true);
  });
});
