import { hostname } from 'node:os';
import { Pool } from 'pg';
import type { OpsContext, OpsOutput } from '../ops-context';
import { connectionSettings } from './connection-settings';

export interface OpenedContext {
  context: OpsContext;
  close(): Promise<void>;
}

/** Connects to the marketplace found from the environment (or the running `npm start`). */
export async function createOpsContext(options: { env: NodeJS.ProcessEnv; cwd: string; out: OpsOutput; signal?: AbortSignal }): Promise<OpenedContext> {
  const settings = await connectionSettings(options.env, options.cwd);
  const pool = new Pool({ connectionString: settings.databaseUrl, max: 4, application_name: `marketplace-ops pid ${process.pid} on ${hostname()}`.slice(0, 63) });
  // An idle connection dropped by the server must not crash the CLI; the next query reports it.
  pool.on('error', () => undefined);
  const context: OpsContext = {
    pool,
    databaseUrl: settings.databaseUrl,
    ...(settings.kafkaBrokers && { kafkaBrokers: settings.kafkaBrokers }),
    ...(settings.kafkaTopicPrefix && { kafkaTopicPrefix: settings.kafkaTopicPrefix }),
    out: options.out,
    signal: options.signal,
  };
  return { context, close: () => pool.end() };
}
