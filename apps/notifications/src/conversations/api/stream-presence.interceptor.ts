import { userOf } from '@marketplace/auth';
import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Observable } from 'rxjs';
import { PresenceRegistry } from '../application/presence-registry';

/** The notification stream (Server-Sent Events, served by the notifications feature): it carries chat events too. */
const STREAM_ROUTE = '/notifications/stream';

/**
 * Counts each open notification stream as a connection of its user, until the stream closes: a user
 * reading the stream is present, and messages reaching it are delivered. It watches the route from the
 * outside, so the stream's own code needs no part in it; every other request passes untouched.
 */
@Injectable()
export class StreamPresenceInterceptor implements NestInterceptor {
  constructor(private readonly presence: PresenceRegistry) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const user = userOf(request);
    if (user && request.method === 'GET' && request.routeOptions.url === STREAM_ROUTE) {
      const release = this.presence.open(user.id);
      context.switchToHttp().getResponse<FastifyReply>().raw.once('close', release);
    }
    return next.handle();
  }
}
