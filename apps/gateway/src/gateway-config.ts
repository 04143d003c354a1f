import { BACKEND_SERVICES, baseConfigSchema, SERVICE_PORTS, urlVar, type ServiceName } from '@marketplace/platform';
import { z } from 'zod';

type BackendService = Exclude<ServiceName, 'gateway'>;

/** `IDENTITY_URL` for identity, and so on. */
export function serviceUrlVariable(service: BackendService): string {
  return `${service.toUpperCase()}_URL`;
}

const serviceUrls = Object.fromEntries(
  BACKEND_SERVICES.map((service) => [serviceUrlVariable(service), urlVar.default(`http://127.0.0.1:${SERVICE_PORTS[service]}`)]),
) as Record<`${Uppercase<BackendService>}_URL`, z.ZodDefault<typeof urlVar>>;

/** The gateway owns no database; it knows where each service answers. */
export const gatewayConfigSchema = baseConfigSchema.extend(serviceUrls);

export type GatewayConfig = z.output<typeof gatewayConfigSchema>;
