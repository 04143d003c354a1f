import type { Locator, Page } from 'playwright-core';
import { join } from 'node:path';

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
