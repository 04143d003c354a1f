import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { postgresUrlVar } from '@marketplace/platform';
import { z } from 'zod';
import { OpsError } from '../ops-command';
import { runtimeFilePath } from '../../start/runtime-file';

/** What `npm start` writes (its RuntimeInfo, in tools/start/runtime-file.ts) while the marketplace runs. */
const runtimeFile = z.object({
  databaseUrl: postgresUrlVar,
  kafkaBrokers: z.array(z.string().regex(/^[^\s:]+:\d+$/)).min(1).optional(),
  ports: z.record(z.string(), z.number().int()),
});

export type RuntimeFile = z.output<typeof runtimeFile>;

/** The running marketplace's runtime file; undefined when there is none (nothing started). */
export async function readRuntimeFile(cwd: string, dataDir: string): Promise<RuntimeFile | undefined> {
  const path = runtimeFilePath(resolve(cwd, dataDir));
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new OpsError(`Cannot read ${path}: ${(error as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new OpsError(`${path} is not JSON; restart the marketplace or set DATABASE_URL`);
  }
  const parsed = runtimeFile.safeParse(json);
  if (!parsed.success) throw new OpsError(`${path} is not a runtime file: ${parsed.error.issues[0].path.join('.')} ${parsed.error.issues[0].message}`);
  return parsed.data;
}
