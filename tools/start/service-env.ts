import { SERVICE_NAMES, type ServiceName } from '@marketplace/platform';
import { resolve } from 'node:path';
import { DEMO_ADMIN } from './demo/demo-accounts';
import { secretsFor, type SharedSecrets } from './shared-secrets';
import { portVariable, type StartConfig } from './start-config';

/**
 * On one machine every client is 127.0.0.1, so the gateway's per-address limit is a limit on
 * everything, and the demo seed alone sends ~1,500 requests in its first half-minute: a roomier
 * default, which the environment overrides.
 */
const LOCAL_RATE_LIMITS = { RATE_LIMIT_IP_MAX: '20000', RATE_LIMIT_USER_MAX: '5000' };

/** A service's environment: the caller's, plus where everything is; what the environment sets wins over the generated defaults. */
export function serviceEnv(name: ServiceName, config: StartConfig, databaseUrl: string, secrets: SharedSecrets, env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const result: NodeJS.ProcessEnv = {
    ...secretsFor(name, secrets),
    ...(name === 'gateway' ? LOCAL_RATE_LIMITS : {}),
    // The demo's admin is identity's bootstrap account, the sanctioned way to a first admin.
    ...(name === 'identity' && config.demoData && !env.ADMIN_EMAIL ? { ADMIN_EMAIL: DEMO_ADMIN.email, ADMIN_PASSWORD: DEMO_ADMIN.password } : {}),
    ...env,
    PORT: String(config.ports[name]),
    // JSON lines to the supervisor, which formats them for the console.
    LOG_FORMAT: 'json',
    // Every service checks tokens against identity's keys, wherever identity listens.
    IDENTITY_URL: `http://127.0.0.1:${config.ports.identity}`,
  };
  if (name === 'notifications' && !env.SMTP_URL) result.MAIL_DIR ??= resolve(config.dataDir, 'mail');
  if (name !== 'gateway') result.DATABASE_URL = databaseUrl;
  else delete result.DATABASE_URL;
  // The gateway routes to every service; the ops server reads every one's /health, /ready and /metrics.
  if (name === 'gateway' || name === 'ops') {
    for (const service of SERVICE_NAMES.filter((s) => s !== name)) result[`${service.toUpperCase()}_URL`] = `http://127.0.0.1:${config.ports[service]}`;
  }
  // The supervisor's own variables are not the services' business.
  for (const service of SERVICE_NAMES) if (service !== 'gateway') delete result[portVariable(service)];
  return result;
}
