import { type DynamicModule, Module, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyServerFactory } from 'fastify';
import { ZodValidationPipe } from 'nestjs-zod';
import type { Logger } from 'pino';
import type { BaseConfig } from '../config/base-config';
import { ErrorFilter } from '../errors/error-filter';
import { collectProcessMetrics } from '../health/metrics';
import { serveOpenApiDocument } from '../http/openapi-document';
import { createLogger } from '../logging/create-logger';
import { PinoNestLogger } from '../logging/nest-logger';
import { PlatformContextModule } from '../platform.module';
import { serverSpansByPlatform } from '../telemetry/start-telemetry';
import { tracedServerFactory } from '../telemetry/server-spans';
import { answerClientError } from './client-error-handler';
import { requestIdFor } from './request-id';
import { installRequestHooks } from './request-hooks';

export interface ServiceApp {
  app: NestFastifyApplication;
  logger: Logger;
}

@Module({})
class ServiceRootModule {}

export interface ServiceAppOptions {
  /** Keep each JSON body's bytes as `request.rawBody` (webhook signatures are computed over them). */
  rawBody?: boolean;
}

/**
 * Builds a service's Nest application on Fastify with everything the platform promises: request ids,
 * the standard error format, zod validation, logs, metrics, GET /openapi.json. It is initialised
 * (modules built, migrations applied) but not listening, so tests can drive it with `inject`.
 */
export async function createServiceApp(
  module: Type | DynamicModule,
  config: BaseConfig,
  logger?: Logger,
  options: ServiceAppOptions = {},
): Promise<ServiceApp> {
  const log = logger ?? createLogger({ service: config.SERVICE_NAME, level: config.LOG_LEVEL, pretty: config.LOG_FORMAT === 'pretty' });
  collectProcessMetrics(config.SERVICE_NAME);
  const adapter = new FastifyAdapter({
    bodyLimit: config.BODY_LIMIT_BYTES,
    genReqId: requestIdFor,
    requestIdHeader: false,
    logger: false,
    clientErrorHandler: answerClientError,
    // Telemetry started with serverSpans: 'platform': this server records the request spans itself.
    ...(serverSpansByPlatform() ? { serverFactory: tracedServerFactory as FastifyServerFactory } : {}),
  });
  installRequestHooks(adapter.getInstance(), log);
  const app = await NestFactory.create<NestFastifyApplication>(
    { module: ServiceRootModule, imports: [PlatformContextModule.of(config, log), module] },
    adapter,
    { logger: new PinoNestLogger(log), abortOnError: false, rawBody: options.rawBody ?? false },
  );
  app.useGlobalFilters(new ErrorFilter(log));
  // Bodies, queries and params typed with createZodDto are validated; other parameters pass as they are.
  app.useGlobalPipes(new ZodValidationPipe());
  app.enableShutdownHooks();
  await app.init();
  serveOpenApiDocument(app, config.SERVICE_NAME);
  return { app, logger: log };
}
