import './telemetry';
import { connectMessaging } from '@marketplace/messaging';
import { createLogger, createServiceApp, loadConfig, SERVICE_PORTS } from '@marketplace/platform';
import { AppModule } from './app.module';
import { catalogConfigSchema } from './catalog-config';

/**
 * Like the platform's bootstrapService, plus the bus consumer: orders' events (reservations, delivered
 * purchases) reach their `@EventPattern` handlers only once the app's transport is connected.
 */
async function main(): Promise<void> {
  const config = loadConfig(catalogConfigSchema, { SERVICE_NAME: 'catalog', PORT: String(SERVICE_PORTS.catalog), ...process.env });
  const logger = createLogger({ service: config.SERVICE_NAME, level: config.LOG_LEVEL, pretty: config.LOG_PRETTY });
  try {
    const { app } = await createServiceApp(AppModule, config, logger);
    connectMessaging(app);
    await app.startAllMicroservices();
    await app.listen({ port: config.PORT, host: config.HOST });
    logger.info({ url: await app.getUrl() }, `${config.SERVICE_NAME} listening`);
  } catch (error) {
    logger.fatal({ err: error }, `${config.SERVICE_NAME} failed to start`);
    process.exit(1);
  }
}

void main();
