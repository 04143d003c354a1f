import type { FastifyRequest } from 'fastify';
import { clientIp } from '../infrastructure/client-ip';

/** The client address the login throttle counts (see clientIp for when x-forwarded-for is believed). */
export function callerIp(request: FastifyRequest, trustedProxies: readonly string[]): string {
  return clientIp(request.socket.remoteAddress, request.headers['x-forwarded-for'], trustedProxies);
}
