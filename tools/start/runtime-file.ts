import type { ServiceName } from '@marketplace/platform';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Where a running `npm start` says how to reach the marketplace (read by the ops CLI). */
export interface RuntimeInfo {
  databaseUrl: string;
  kafkaBrokers?: string[];
  ports: Record<ServiceName, number>;
}

export const runtimeFilePath = (dataDir: string) => join(dataDir, 'runtime.json');

/** Written once the services answer; readable by its owner only, since the URL holds a password. */
export async function writeRuntimeFile(dataDir: string, info: RuntimeInfo): Promise<void> {
  await writeFile(runtimeFilePath(dataDir), `${JSON.stringify(info, null, 2)}\n`, { mode: 0o600 });
}

export async function removeRuntimeFile(dataDir: string): Promise<void> {
  await rm(runtimeFilePath(dataDir), { force: true });
}
