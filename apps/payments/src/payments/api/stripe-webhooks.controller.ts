import { Public } from '@marketplace/auth';
import { Controller, Headers, HttpCode, Post, type RawBodyRequest, Req, UseGuards } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { ProviderWebhooksService } from '../application/provider-webhooks.service';
import { StripeWebhookReader } from '../infrastructure/webhooks/stripe-webhook-reader';
import { JsonBodyGuard } from './json-body.guard';

/**
 * Stripe's webhooks (and the simulated provider's, which mirror them). No access token: the signature
 * over the raw body is the authentication. 200 once handled or already handled; 400 for a bad
 * signature; 503 when no signing secret is configured or a dependency failed (Stripe retries).
 */
@Public()
@Controller('webhooks')
export class StripeWebhooksController {
  constructor(
    private readonly reader: StripeWebhookReader,
    private readonly webhooks: ProviderWebhooksService,
  ) {}

  @Post('stripe')
  @HttpCode(200)
  @UseGuards(JsonBodyGuard)
  async stripe(@Req() request: RawBodyRequest<FastifyRequest>, @Headers('stripe-signature') signature: unknown) {
    const notification = this.reader.read(request.rawBody, typeof signature === 'string' ? signature : undefined);
    return { received: true, result: await this.webhooks.receive(notification) };
  }
}
