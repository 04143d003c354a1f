import { createLogger, parseConfig, createServiceApp, type ServiceApp } from '@marketplace/platform';
import type { DestinationStream } from 'pino';
import { AppModule } from '../../src/app.module';
import { gatewayConfigSchema } from '../../src/gateway-config';

const SERVICES = ['IDENTITY', 'CATALOG', 'ORDERS', 'PAYMENTS', 'SEARCH', 'NOTIFICATIONS'];

/** An in-process gateway with every service at `defaultUrl` unless `env` says otherwise; silent unless given somewhere to log. */
export async function startTestGateway(defaultUrl: string, env: Record<string, string> = {}, logTo?: DestinationStream): Promise<ServiceApp> {
  const urls = Object.fromEntries(SERVICES.map((service) => [`${service}_URL`, defaultUrl]));
  const config = parseConfig(gatewayConfigSchema, { SERVICE_NAME: 'gateway', PORT: '0', ...urls, ...env });
  return createServiceApp(AppModule, config, createLogger({ service: 'gateway', level: logTo ? 'info' : 'silent', destination: logTo }));
}
