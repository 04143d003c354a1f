import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ApiClient } from './api-client';
import type { DemoPlan } from './demo-plan';
import { signIn } from './seed-accounts';
import { ownProducts } from './seed-catalog';

/** What a complete seed recorded: written only once every step succeeded. */
export interface SeedMarker {
  seededAt: string;
  seconds: number;
  products: number;
  orders: number;
  reviews: number;
}

const markerPath = (dataDir: string) => join(dataDir, 'demo-seed.json');

export async function readMarker(dataDir: string): Promise<SeedMarker | undefined> {
  const text = await readFile(markerPath(dataDir), 'utf8').catch(() => undefined);
  try {
    return text === undefined ? undefined : (JSON.parse(text) as SeedMarker);
  } catch {
    return undefined; // a torn or edited file: the API checks decide
  }
}

export async function writeMarker(dataDir: string, marker: SeedMarker): Promise<void> {
  const path = markerPath(dataDir);
  await writeFile(`${path}.tmp`, `${JSON.stringify(marker, null, 2)}\n`);
  await rename(`${path}.tmp`, path);
}

/**
 * The marker alone is not trusted: the database may have been replaced under it (another
 * DATABASE_URL, a deleted postgres folder). The admin must sign in and every seller must hold its
 * planned products; if not, the (idempotent) seed runs again.
 */
export async function demoDataPresent(api: ApiClient, plan: DemoPlan): Promise<boolean> {
  try {
    await signIn(api, plan.accounts.admin);
    const counts = await Promise.all(plan.accounts.sellers.map(async (seller) => (await ownProducts(api, await signIn(api, seller))).length));
    return counts.every((count, seller) => count >= plan.products.filter((product) => product.seller === seller).length);
  } catch {
    return false;
  }
}
