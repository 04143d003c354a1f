import { serviceTokenConfigShape } from '@marketplace/auth';
import { dataServiceConfigSchema, SERVICE_NAMES, type ServiceName, serviceUrlsShape } from '@marketplace/platform';
import type { z } from 'zod';

/** The processes whose health, readiness and traffic the ops server reports: every one but itself. */
export const WATCHED_SERVICES = SERVICE_NAMES.filter((name): name is Exclude<ServiceName, 'ops'> => name !== 'ops');
export type WatchedService = (typeof WATCHED_SERVICES)[number];

/**
 * The ops server connects as the ops CLI does (DATABASE_URL, KAFKA_BROKERS, KAFKA_TOPIC_PREFIX), keeps
 * its audit stream in its own schema (`ops`), checks tokens against identity's keys, and knows where
 * every service answers (defaults as the gateway's).
 */
export const opsServerConfigSchema = dataServiceConfigSchema.extend({
  ...serviceTokenConfigShape,
  ...serviceUrlsShape(WATCHED_SERVICES),
});

export type OpsServerConfig = z.output<typeof opsServerConfigSchema>;
