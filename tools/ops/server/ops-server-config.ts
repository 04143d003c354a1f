import { serviceTokenConfigShape } from '@marketplace/auth';
import { dataServiceConfigSchema, SERVICE_NAMES, SERVICE_PORTS, type ServiceName, urlVar } from '@marketplace/platform';
import type { z } from 'zod';

/** The processes whose health, readiness and traffic the ops server reports: every one but itself. */
export const WATCHED_SERVICES = SERVICE_NAMES.filter((name): name is Exclude<ServiceName, 'ops'> => name !== 'ops');
export type WatchedService = (typeof WATCHED_SERVICES)[number];

/** `GATEWAY_URL` for the gateway, `CATALOG_URL` for catalog: the variables the gateway reads too. */
export function watchedUrlVariable(service: WatchedService): `${Uppercase<WatchedService>}_URL` {
  return `${service.toUpperCase() as Uppercase<WatchedService>}_URL`;
}

const serviceUrls = Object.fromEntries(WATCHED_SERVICES.map((service) => [watchedUrlVariable(service), urlVar.default(`http://127.0.0.1:${SERVICE_PORTS[service]}`)])) as Record<
  `${Uppercase<WatchedService>}_URL`,
  z.ZodDefault<typeof urlVar>
>;

/**
 * The ops server connects as the ops CLI does (DATABASE_URL, KAFKA_BROKERS, KAFKA_TOPIC_PREFIX), keeps
 * its audit stream in its own schema (`ops`), checks tokens against identity's keys, and knows where
 * every service answers (defaults as the gateway's).
 */
export const opsServerConfigSchema = dataServiceConfigSchema.extend({
  ...serviceTokenConfigShape,
  ...serviceUrls,
});

export type OpsServerConfig = z.output<typeof opsServerConfigSchema>;
