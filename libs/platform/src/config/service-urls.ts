import type { z } from 'zod';
import { SERVICE_PORTS, type ServiceName } from '../services';
import { urlVar } from './env-types';

export type ServiceUrlVariable<S extends ServiceName> = `${Uppercase<S>}_URL`;

/** `IDENTITY_URL` for identity, and so on: where one process reaches another. */
export function serviceUrlVariable<S extends ServiceName>(service: S): ServiceUrlVariable<S> {
  return `${service.toUpperCase() as Uppercase<S>}_URL`;
}

/** The config variables naming where each of `services` answers, each defaulting to its port on this machine. */
export function serviceUrlsShape<S extends ServiceName>(services: readonly S[]): Record<ServiceUrlVariable<S>, z.ZodDefault<typeof urlVar>> {
  return Object.fromEntries(services.map((service) => [serviceUrlVariable(service), urlVar.default(`http://127.0.0.1:${SERVICE_PORTS[service]}`)])) as Record<
    ServiceUrlVariable<S>,
    z.ZodDefault<typeof urlVar>
  >;
}
