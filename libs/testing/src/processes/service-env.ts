/** Variables a child process keeps from the test runner: only what Node and the OS need, so nothing else leaks in. */
const INHERITED = ['PATH', 'HOME', 'TMPDIR', 'LANG', 'TZ', 'SystemRoot'] as const;

export interface ServiceEnvOptions {
  /** SERVICE_NAME, e.g. `identity`. */
  name: string;
  port: number;
  /** The service's PostgreSQL; omitted for the gateway, which owns none. */
  databaseUrl?: string;
  /** Kafka when given and not empty, else the services use the embedded bus on DATABASE_URL. */
  kafkaBrokers?: string[];
  /** Where each other service answers: `{ identity: 'http://127.0.0.1:4001' }` becomes IDENTITY_URL. */
  serviceUrls?: Record<string, string>;
  /** Anything else the service reads (ADMIN_EMAIL, JWT_PRIVATE_KEYS, limits); wins over the defaults. */
  extra?: Record<string, string | undefined>;
  /** The runner's environment, read only for the INHERITED variables. */
  parent?: NodeJS.ProcessEnv;
}

/** The environment of one service process: explicit, quiet (LOG_LEVEL=warn) and bound to 127.0.0.1. */
export function buildServiceEnv(options: ServiceEnvOptions): NodeJS.ProcessEnv {
  const parent = options.parent ?? process.env;
  const env: NodeJS.ProcessEnv = {};
  for (const name of INHERITED) if (parent[name] !== undefined) env[name] = parent[name];
  Object.assign(env, {
    SERVICE_NAME: options.name,
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: String(options.port),
    LOG_LEVEL: 'warn',
  });
  if (options.databaseUrl) env.DATABASE_URL = options.databaseUrl;
  const brokers = (options.kafkaBrokers ?? []).filter(Boolean);
  if (brokers.length > 0) env.KAFKA_BROKERS = brokers.join(',');
  for (const [service, url] of Object.entries(options.serviceUrls ?? {})) env[serviceUrlVariable(service)] = url;
  for (const [key, value] of Object.entries(options.extra ?? {})) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  return env;
}

/** `IDENTITY_URL` for identity, `SELLER_ORDERS_URL` for seller-orders. */
export function serviceUrlVariable(service: string): string {
  return `${service.toUpperCase().replace(/[^A-Z0-9]+/g, '_')}_URL`;
}
