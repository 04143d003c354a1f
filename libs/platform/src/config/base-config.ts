import { z } from 'zod';
import { LOG_FORMATS, LOG_LEVELS } from '../logging/create-logger';
import { brokerListVar, optional, portVar, positiveIntVar, postgresUrlVar, urlVar } from './env-types';

/** What every service reads from its environment. Secrets come only from here. */
export const baseConfigSchema = z.object({
  SERVICE_NAME: z.string().regex(/^[a-z][a-z0-9-]*$/, { error: 'must be lowercase letters, digits and dashes' }),
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: portVar,
  LOG_LEVEL: z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` }).default('info'),
  LOG_FORMAT: z.enum(LOG_FORMATS, { error: `must be one of ${LOG_FORMATS.join(', ')}` }).default('json'),
  OTEL_EXPORTER_OTLP_ENDPOINT: optional(urlVar),
  BODY_LIMIT_BYTES: positiveIntVar.default(1024 * 1024),
  READY_CHECK_TIMEOUT_MS: positiveIntVar.default(2000),
  SHUTDOWN_TIMEOUT_MS: positiveIntVar.default(10000),
});

/** A service that owns a PostgreSQL schema and talks over the bus (Kafka when brokers are set). */
export const dataServiceConfigSchema = baseConfigSchema.extend({
  DATABASE_URL: postgresUrlVar,
  DATABASE_POOL_MAX: positiveIntVar.default(10),
  KAFKA_BROKERS: optional(brokerListVar),
  /** Namespaces topics and consumer groups, so deployments or test runs can share one Kafka cluster. */
  KAFKA_TOPIC_PREFIX: optional(z.string().regex(/^[a-zA-Z0-9._-]{1,100}$/, { error: 'must be at most 100 characters from [a-zA-Z0-9._-]' })),
});

export type BaseConfig = z.output<typeof baseConfigSchema>;
export type DataServiceConfig = z.output<typeof dataServiceConfigSchema>;
