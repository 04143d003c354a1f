import { startMessaging } from '@marketplace/messaging';
import type { DynamicModule, Type } from '@nestjs/common';
import type { z } from 'zod';
import { dataServiceConfigSchema, type BaseConfig } from '../config/base-config';
import { loadConfig } from '../config/load-config';
import { createLogger } from '../logging/create-logger';
import { createServiceApp } from './create-service-app';

export interface ServiceDefinition {
  /** SERVICE_NAME unless the environment sets it. */
  name: string;
  /** PORT unless the environment sets it. */
  defaultPort: number;
  module: Type | DynamicModule;
  /** Defaults to the data-owning service schema (DATABASE_URL required). */
  configSchema?: z.ZodType<BaseConfig>;
  /**
   * The module's `@EventPattern` handlers (MessagingModule's transport) start consuming from the bus
   * before the HTTP port opens, so a ready service is also a consuming one.
   */
  consumesEvents?: boolean;
  /** Keep JSON bodies' bytes as `request.rawBody` (for webhook signatures). */
  rawBody?: boolean;
}

/**
 * A service's main: loads its configuration (exiting with one line if it is wrong), builds the app,
 * listens, and logs its URL. SIGTERM/SIGINT close it gracefully; a hung shutdown is cut short.
 */
export async function bootstrapService(definition: ServiceDefinition): Promise<void> {
  const env = { SERVICE_NAME: definition.name, PORT: String(definition.defaultPort), ...process.env };
  const config = loadConfig(definition.configSchema ?? dataServiceConfigSchema, env);
  const logger = createLogger({ service: config.SERVICE_NAME, level: config.LOG_LEVEL, pretty: config.LOG_FORMAT === 'pretty' });
  try {
    const { app } = await createServiceApp(definition.module, config, logger, { rawBody: definition.rawBody });
    exitIfShutdownHangs(config.SHUTDOWN_TIMEOUT_MS);
    stopWithSupervisor();
    if (definition.consumesEvents) await startMessaging(app);
    await app.listen({ port: config.PORT, host: config.HOST });
    const url = await app.getUrl();
    logger.info({ url }, `${config.SERVICE_NAME} listening on ${url.replace('[::1]', 'localhost')}`);
  } catch (error) {
    logger.fatal({ err: error }, `${config.SERVICE_NAME} failed to start`);
    process.exit(1);
  }
}

/** Nest closes the app on the first signal; if closing takes too long, exit anyway. */
function exitIfShutdownHangs(timeoutMs: number): void {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      setTimeout(() => {
        process.stderr.write(`shutdown took longer than ${timeoutMs} ms; exiting\n`);
        process.exit(1);
      }, timeoutMs).unref();
    });
  }
}

/** Started by `npm start` (an IPC channel is open): stop gracefully if the supervisor goes away. */
function stopWithSupervisor(): void {
  if (!process.send) return;
  process.once('disconnect', () => process.kill(process.pid, 'SIGTERM'));
}
