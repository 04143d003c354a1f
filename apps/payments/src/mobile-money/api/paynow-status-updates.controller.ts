import { Public } from '@marketplace/auth';
import { Controller, HttpCode, Post, type RawBodyRequest, Req, UnsupportedMediaTypeException } from '@nestjs/common';
import { ApiBody, ApiConsumes } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { PaynowStatusUpdatesService } from '../application/paynow-status-updates.service';

/**
 * PayNow's status updates (`resulturl`), form-encoded. No access token: PayNow's hash over the body is
 * the authentication, so the body is read as received (the order of its fields is part of the hash).
 */
@Public()
@Controller('webhooks')
export class PaynowStatusUpdatesController {
  constructor(private readonly updates: PaynowStatusUpdatesService) {}

  @Post('paynow')
  @HttpCode(200)
  @ApiConsumes('application/x-www-form-urlencoded')
  @ApiBody({ schema: { type: 'string', description: "PayNow's status update: reference, paynowreference, amount, status, pollurl, hash" } })
  async paynow(@Req() request: RawBodyRequest<FastifyRequest>) {
    if (!/^application\/x-www-form-urlencoded\s*(;|$)/i.test(request.headers['content-type'] ?? '') || !request.rawBody) {
      throw new UnsupportedMediaTypeException('Send the status update as application/x-www-form-urlencoded.');
    }
    return { received: true, result: await this.updates.receive(request.rawBody.toString('utf8')) };
  }
}
