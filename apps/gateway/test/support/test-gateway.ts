import { BACKEND_SERVICES, createLogger, parseConfig, createServiceApp, type LogLevel, type ServiceApp } from '@marketplace/platform';
import type { DestinationStream } from 'pino';
import { AppModule } from '../../src/app.module';
import { gatewayConfigSchema } from '../../src/gateway-config';

const SERVICES = BACKEND_SERVICES.map((service) => service.toUpperCase());

/** An in-process gateway with every service at `defaultUrl` unless `env` says otherwise; silent unless given somewhere to log (at `level`, info by default). */
export async function startTestGateway(defaultUrl: string, env: Record<string, string> = {}, logTo?: DestinationStream, level: LogLevel = 'info'): Promise<ServiceApp> {
  const urls = Object.fromEntries(SERVICES.map((service) => [`${service}_URL`, defaultUrl]));
  const config = parseConfig(gatewayConfigSchema, { SERVICE_NAME: 'gateway', PORT: '0', ...urls, ...env });
  return createServiceApp(AppModule, config, createLogger({ service: 'gateway', level: logTo ? level : 'silent', destination: logTo }));
}
