import { describeEachBackend, waitFor } from '@marketplace/testing';
import type { Page } from 'playwright-core';
import { MarketplaceActors } from '../e2e/support/marketplace-actors';
import { MarketplaceStack } from '../e2e/support/marketplace-stack';
import { expectOk, newCredentials, registerAndLogin, sellerApplication } from '../e2e/support/users';
import { type Browser, chromiumBackend, launchChromium, screenshotsDirectory } from './chromium';
import { ConsolePage } from './console-page';

// A build, seven processes, checkouts through the bus, and a browser.
jest.setTimeout(300_000);

type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- response bodies are read field by field

const ORDERS = 3;
const PRICE = 2500;

/**
 * The console in Debian's Chromium against the marketplace's processes: an admin signs in and sees the
 * charts drawn from the orders the test placed (the same figures as the analytics API), approves a
 * seller application, rebuilds a projection, replays a dead letter; a buyer is refused. Every page is
 * photographed into test-results/console/.
 */
describeEachBackend('admin console', [chromiumBackend()], (executablePath) => {
  let stack: MarketplaceStack;
  let browser: Browser;
  let page: Page;
  let ui: ConsolePage;
  let adminToken: string;
  let applicant: { businessName: string; applicationId: string };

  beforeAll(async () => {
    stack = await MarketplaceStack.start({ label: 'console', services: ['catalog', 'orders', 'payments', 'notifications', 'search'] });
    const people = new MarketplaceActors(stack);
    adminToken = await people.admin();
    const seller = await people.seller();
    const productId = await people.product(seller, { price: PRICE, onHand: 20, title: 'Console lamp' });
    const buyer = await people.buyer();
    for (let order = 0; order < ORDERS; order++) {
      expect(await people.finalOrder(buyer, await people.checkout(buyer, productId))).toMatchObject({ status: 'confirmed' });
    }
    const wannabe = await registerAndLogin(stack.api, newCredentials('applicant'));
    const application = sellerApplication();
    const applied = await stack.api.post('/sellers/applications', application, wannabe.session.accessToken);
    expectOk(applied, 201, 'seller application');
    applicant = { businessName: application.businessName as string, applicationId: (applied.body as Body).id };

    browser = await launchChromium(executablePath());
    page = await browser.context.newPage();
    ui = new ConsolePage(page, screenshotsDirectory());
    await page.goto(`${stack.gatewayUrl}/console`);
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
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
    const from = await page.getByLabel('From (UTC day)').inputValue();
    const to = await page.getByLabel('To (UTC day, included)').inputValue();
    const range = `from=${from}T00:00:00.000Z&to=${new Date(Date.parse(to) + 86_400_000).toISOString()}`;
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
    // A phone: the charts drawn again at its width (the range's Show button redraws them).
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole('button', { name: 'Show' }).click();
    await page.waitForFunction(() => document.querySelector('figure.chart svg')?.getAttribute('viewBox') === '0 0 342 280');
    await ui.screenshot('overview-390');
    // Nothing is wider than the screen: the page does not scroll sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.setViewportSize({ width: 1280, height: 900 });
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

  it('refuses a buyer: told they are not an admin, shown nothing else', async () => {
    const buyer = await registerAndLogin(stack.api, newCredentials('buyer'));
    await page.getByRole('button', { name: 'Sign out' }).click();
    await ui.heading('Sign in').waitFor();
    await ui.signIn(buyer.credentials.email, buyer.credentials.password);
    await ui.heading('Not an admin').waitFor();
    expect(await page.locator('#not-admin').textContent()).toContain(`You are signed in as ${buyer.credentials.email}, who is not an admin`);
    expect(await page.getByRole('navigation', { name: 'Console' }).isHidden()).toBe(true);
    await page.evaluate(() => (location.hash = '#/queues'));
    await ui.heading('Not an admin').waitFor();
    expect(await page.getByRole('heading', { name: 'Queues' }).count()).toBe(0);
    await ui.screenshot('not-admin');
  });
});
