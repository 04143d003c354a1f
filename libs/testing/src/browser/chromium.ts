import type { BackendCase } from '../backends';
import { repoRoot } from '../processes/repo-root';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';

/** Debian's Chromium (apt-get install chromium), or the one CHROMIUM_PATH names. */
export function chromiumBackend(): BackendCase<string> {
  const path = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  return { name: 'chromium', resolve: () => (existsSync(path) ? path : { skip: `no Chromium at ${path} (install Debian's chromium or set CHROMIUM_PATH)` }) };
}

/**
 * Flags for a closed network: without the background ones Chromium keeps trying to reach Google's
 * hosts (refused connections at every start); a sandbox needs privileges a CI container lacks.
 */
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** Chromium with a fresh, empty profile (removed on close) and a desktop-sized window. */
export async function launchChromium(executablePath: string): Promise<Browser> {
  // Loaded here, not with @marketplace/testing: only the browser suites pay for it.
  const { chromium } = await import('playwright-core');
  const profile = mkdtempSync(join(tmpdir(), 'console-chromium-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath, headless: true, args: FLAGS, viewport: { width: 1280, height: 900 } });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Where the suite's screenshots go (gitignored), from the repository's root. */
export function screenshotsDirectory(): string {
  const directory = join(repoRoot(), 'test-results', 'console');
  mkdirSync(directory, { recursive: true });
  return directory;
}
