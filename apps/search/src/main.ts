import './telemetry';
import { createLogger, createServiceApp, loadConfig, SERVICE_PORTS } from '@marketplace/platform';
import { AppModule } from './app.module';
import { searchConfigSchema } from './search-config';
import { startConsuming } from './start-consuming';

/**
 * Like the platform's bootstrapService, plus the bus consumer: search's input arrives through
 * `@EventPattern` handlers, which listen only once the app's transport is connected.
 */
async function main(): Promise<void> {
  const config = loadConfig(searchConfigSchema, { SERVICE_NAME: 'search', PORT: String(SERVICE_PORTS.search), ...process.env });
  const logger = createLogger({ service: config.SERVICE_NAME, level: config.LOG_LEVEL, pretty: config.LOG_PRETTY });
  try {
    const { app } = await createServiceApp(AppModule, config, logger);
    await startConsuming(app);
    await app.listen({ port: config.PORT, host: config.HOST });
    logger.info({ url: await app.getUrl() }, `${config.SERVICE_NAME} listening`);
  } catch (error) {
    logger.fatal({ err: error }, `${config.SERVICE_NAME} failed to start`);
    process.exit(1);
  }
}

void main();
