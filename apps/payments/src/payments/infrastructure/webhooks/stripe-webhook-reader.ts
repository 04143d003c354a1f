import { PLATFORM_CONFIG } from '@marketplace/platform';
import { Inject, Injectable } from '@nestjs/common';
import type Stripe from 'stripe';
import { ZodError } from 'zod';
import type { ProviderNotification } from '../../application/webhook-input';
import type { PaymentsConfig } from '../../../payments-config';
import { InvalidSignatureError, InvalidWebhookError, WebhooksNotConfiguredError } from './webhook-errors';
import { stripeEventEnvelope } from './stripe-webhook-objects';
import { stripeWebhookInput } from './stripe-webhook-mapping';

/** Stripe's default: a signature older than five minutes is refused (replays). */
const SIGNATURE_TOLERANCE_SECONDS = 300;

/** Verifies a Stripe webhook against the raw bytes Stripe signed, then reads it. */
@Injectable()
export class StripeWebhookReader {
  constructor(@Inject(PLATFORM_CONFIG) private readonly config: PaymentsConfig) {}

  read(rawBody: Buffer | undefined, signature: string | undefined): ProviderNotification {
    const secret = this.config.STRIPE_WEBHOOK_SECRET;
    if (!secret) throw new WebhooksNotConfiguredError();
    if (!rawBody || !signature) throw new InvalidSignatureError();
    // Required here rather than imported: a payments service that takes no Stripe webhooks never loads the SDK.
    const { webhooks, errors } = require('stripe') as typeof Stripe;
    let event: unknown;
    try {
      event = webhooks.constructEvent(rawBody, signature, secret, SIGNATURE_TOLERANCE_SECONDS);
    } catch (error) {
      throw error instanceof errors.StripeSignatureVerificationError ? new InvalidSignatureError() : new InvalidWebhookError();
    }
    try {
      const { id, type, data } = stripeEventEnvelope.parse(event);
      return { eventId: id, type, input: stripeWebhookInput(type, data.object) };
    } catch (error) {
      if (!(error instanceof ZodError)) throw error;
      throw new InvalidWebhookError(error.issues.map((issue) => ({ field: issue.path.map(String).join('.'), message: issue.message })));
    }
  }
}
