import { brokerListVar, optional, postgresUrlVar } from '@marketplace/platform';
import { z } from 'zod';
import { OpsError } from '../ops-command';
import { readRuntimeFile } from './runtime-file';

/** Where the marketplace's database and (in Kafka mode) brokers are. */
export interface ConnectionSettings {
  databaseUrl: string;
  kafkaBrokers?: string[];
  kafkaTopicPrefix?: string;
}

// The services' own variable types, so the CLI accepts exactly what they accept.
const environment = z.object({
  DATABASE_URL: optional(postgresUrlVar),
  KAFKA_BROKERS: optional(brokerListVar),
  KAFKA_TOPIC_PREFIX: optional(z.string()),
  DATA_DIR: z.string().min(1).default('.data'),
});

/**
 * DATABASE_URL (and KAFKA_BROKERS) when set, as for the services; else what a running `npm start`
 * wrote to `<DATA_DIR>/runtime.json`; else a line telling the operator what to do.
 */
export async function connectionSettings(env: NodeJS.ProcessEnv, cwd: string): Promise<ConnectionSettings> {
  const parsed = environment.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new OpsError(`${issue.path.join('.')} ${issue.message}`);
  }
  const { DATABASE_URL, KAFKA_BROKERS, KAFKA_TOPIC_PREFIX, DATA_DIR } = parsed.data;
  const prefix = KAFKA_TOPIC_PREFIX ? { kafkaTopicPrefix: KAFKA_TOPIC_PREFIX } : {};
  if (DATABASE_URL) return { databaseUrl: DATABASE_URL, kafkaBrokers: KAFKA_BROKERS, ...prefix };
  const runtime = await readRuntimeFile(cwd, DATA_DIR);
  if (!runtime) {
    throw new OpsError('No marketplace found: start it with `npm start` (it writes .data/runtime.json) or set DATABASE_URL');
  }
  return { databaseUrl: runtime.databaseUrl, kafkaBrokers: KAFKA_BROKERS ?? runtime.kafkaBrokers, ...prefix };
}
