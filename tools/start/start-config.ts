import { booleanVar, brokerListVar, LOG_FORMATS, loadConfig, optional, portVar, positiveIntVar, postgresUrlVar, SERVICE_NAMES, SERVICE_PORTS, type ServiceName } from '@marketplace/platform';
import { z } from 'zod';

/** `CATALOG_PORT` for catalog; the gateway's port is plain `PORT`. */
export function portVariable(service: ServiceName): string {
  return service === 'gateway' ? 'PORT' : `${service.toUpperCase()}_PORT`;
}

/** What `npm start` reads from its environment; everything has a default, so nothing needs setting. */
const startConfigSchema = z.object({
  /** An existing PostgreSQL to use instead of the embedded one. */
  DATABASE_URL: optional(postgresUrlVar),
  /** Passed through: the services then use Kafka instead of the embedded bus. */
  KAFKA_BROKERS: optional(brokerListVar),
  /** Port of the embedded PostgreSQL; unset means 5432, or the next free port if 5432 is taken. */
  EMBEDDED_PG_PORT: optional(portVar),
  DATA_DIR: z.string().min(1).default('.data'),
  START_TIMEOUT_MS: positiveIntVar.default(180_000),
  /** `pretty` or `json`; unset: pretty on a terminal, JSON lines otherwise. */
  LOG_FORMAT: optional(z.enum(LOG_FORMATS, { error: `must be one of ${LOG_FORMATS.join(', ')}` })),
  /** Seed the demo data; unset: yes on the embedded PostgreSQL, no on a DATABASE_URL (someone's own database). */
  DEMO_DATA: optional(booleanVar),
});

const portsSchema = z.object(Object.fromEntries(SERVICE_NAMES.map((service) => [portVariable(service), portVar.default(SERVICE_PORTS[service])])));

export interface StartConfig {
  databaseUrl?: string;
  kafkaBrokers?: string[];
  embeddedPgPort?: number;
  dataDir: string;
  startTimeoutMs: number;
  logFormat?: 'pretty' | 'json';
  demoData: boolean;
  ports: Record<ServiceName, number>;
}

/** Parses the environment; a bad variable stops `npm start` with one line naming it. */
export function readStartConfig(env: NodeJS.ProcessEnv = process.env): StartConfig {
  const config = loadConfig(startConfigSchema, env);
  const ports = loadConfig(portsSchema, env) as Record<string, number>;
  return {
    databaseUrl: config.DATABASE_URL,
    kafkaBrokers: config.KAFKA_BROKERS,
    embeddedPgPort: config.EMBEDDED_PG_PORT,
    dataDir: config.DATA_DIR,
    startTimeoutMs: config.START_TIMEOUT_MS,
    logFormat: config.LOG_FORMAT,
    demoData: config.DEMO_DATA ?? config.DATABASE_URL === undefined,
    ports: Object.fromEntries(SERVICE_NAMES.map((service) => [service, ports[portVariable(service)]])) as Record<ServiceName, number>,
  };
}
