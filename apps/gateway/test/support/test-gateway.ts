import { createLogger, parseConfig, createServiceApp, type ServiceApp } from '@marketplace/platform';
import { AppModule } from '../../src/app.module';
import { gatewayConfigSchema } from '../../src/gateway-config';

const SERVICES = ['IDENTITY', 'CATALOG', 'ORDERS', 'PAYMENTS', 'SEARCH', 'NOTIFICATIONS'];

/** An in-process gateway with every service at `defaultUrl` unless `env` says otherwise. */
export async function startTestGateway(defaultUrl: string, env: Record<string, string> = {}): Promise<ServiceApp> {
  const urls = Object.fromEntries(SERVICES.map((service) => [`${service}_URL`, defaultUrl]));
  const config = parseConfig(gatewayConfigSchema, { SERVICE_NAME: 'gateway', PORT: '0', ...urls, ...env });
  return createServiceApp(AppModule, config, createLogger({ service: 'gateway', level: 'silent' }));
}
