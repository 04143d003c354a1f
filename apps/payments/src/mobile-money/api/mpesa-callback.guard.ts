import { NotFoundError, PLATFORM_CONFIG } from '@marketplace/platform';
import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { createHash, timingSafeEqual } from 'node:crypto';
import type { PaymentsConfig } from '../../payments-config';

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * M-Pesa signs nothing: a callback is accepted only on the secret path token (compared in constant
 * time) and, when MPESA_CALLBACK_ALLOWED_IPS is set, from those addresses. The address is the
 * gateway's `X-Forwarded-For` (the gateway replaces any a client sends) or else the connection's, so
 * the service must be reachable only through the gateway. Anything else is a 404, before the body is read.
 */
@Injectable()
export class MpesaCallbackGuard implements CanActivate {
  constructor(@Inject(PLATFORM_CONFIG) private readonly config: PaymentsConfig) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<FastifyRequest<{ Params: { token?: string } }>>();
    const expected = this.config.MPESA_CALLBACK_TOKEN;
    const given = request.params.token ?? '';
    if (!expected || !timingSafeEqual(digest(given), digest(expected)) || !this.allowed(request)) throw new NotFoundError('No such callback.', { code: 'not_found' });
    return true;
  }

  private allowed(request: FastifyRequest): boolean {
    const allowList = this.config.MPESA_CALLBACK_ALLOWED_IPS;
    if (!allowList) return true;
    const forwarded = request.headers['x-forwarded-for'];
    const source = (typeof forwarded === 'string' ? forwarded.split(',')[0].trim() : undefined) ?? request.socket.remoteAddress ?? '';
    return allowList.includes(source.replace(/^::ffff:/, ''));
  }
}
