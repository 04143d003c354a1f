import { waitFor } from '@marketplace/testing';
import type { Locator, Page } from 'playwright-core';
import { join } from 'node:path';

const DAY_MS = 86_400_000;

/** What one chart of the console draws: each mark's label and value. */
export interface DrawnPoint {
  label: string;
  value: number;
}

/** The console as a person uses it: by labels, roles and names, as a keyboard or screen-reader user would find them. */
export class ConsolePage {
  constructor(
    readonly page: Page,
    private readonly screenshots: string,
  ) {}

  async signIn(email: string, password: string): Promise<void> {
    await this.page.getByLabel('Email').fill(email);
    await this.page.getByLabel('Password').fill(password);
    await this.page.getByRole('button', { name: 'Sign in' }).click();
  }

  heading(name: string): Locator {
    return this.page.getByRole('heading', { level: 1, name });
  }

  async open(link: string, heading: string): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: link }).click();
    await this.heading(heading).waitFor();
  }

  chart(title: string): Locator {
    return this.page.locator('figure.chart').filter({ has: this.page.locator('figcaption', { hasText: title }) });
  }

  /** The marks of the chart titled `title`, once it has some. */
  async drawn(title: string): Promise<DrawnPoint[]> {
    const marks = this.chart(title).locator('.mark');
    await marks.first().waitFor({ state: 'attached' });
    return marks.evaluateAll((elements) => elements.map((element) => ({ label: element.getAttribute('data-label') ?? '', value: Number(element.getAttribute('data-value')) })));
  }

  /** The range form's days as the analytics API's query: from the first day's start to the start of the day after the last. */
  async rangeQuery(): Promise<string> {
    const from = await this.page.getByLabel('From (UTC day)').inputValue();
    const to = await this.page.getByLabel('To (UTC day, included)').inputValue();
    return `from=${from}T00:00:00.000Z&to=${new Date(Date.parse(to) + DAY_MS).toISOString()}`;
  }

  /** Shows the range form's range again and waits until the page has drawn it (its busy region is done). */
  async show(): Promise<void> {
    // The click's submit marks the region busy before the click returns.
    await this.page.getByRole('button', { name: 'Show' }).click();
    await this.page.locator('[aria-busy="true"]').waitFor({ state: 'hidden' });
  }

  /**
   * The page at a phone's width (390 px): its charts drawn again by the range's Show button (the one
   * titled `chartTitle` is waited for), photographed as `name`. Answers the page's width, which is
   * wider than the screen when it scrolls sideways; the desktop size is back afterwards.
   */
  async onPhone(chartTitle: string, name: string): Promise<number> {
    await this.page.setViewportSize({ width: 390, height: 844 });
    await this.show();
    // Read by the test, not evaluated in the page: the console's policy forbids eval.
    await waitFor(async () => (await this.chart(chartTitle).locator('svg').getAttribute('viewBox')) === '0 0 342 280', { description: `${chartTitle} drawn at 390 px` });
    await this.screenshot(name);
    const width = await this.page.locator('html').evaluate((html) => html.scrollWidth);
    await this.page.setViewportSize({ width: 1280, height: 900 });
    return width;
  }

  alert(): Locator {
    return this.page.getByRole('alert');
  }

  status(): Locator {
    return this.page.getByRole('status');
  }

  async screenshot(name: string): Promise<void> {
    await this.page.screenshot({ path: join(this.screenshots, `${name}.png`), fullPage: true });
  }
}
