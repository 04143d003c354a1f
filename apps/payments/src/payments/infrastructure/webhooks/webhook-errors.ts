import { DependencyUnavailableError, ValidationError } from '@marketplace/platform';

export class InvalidSignatureError extends ValidationError {
  constructor() {
    super('The Stripe-Signature header is missing, invalid or expired for this body.', { code: 'invalid_signature' });
  }
}

/** Signed, but not a webhook event payments can read. */
export class InvalidWebhookError extends ValidationError {
  constructor(details: { field: string; message: string }[] = []) {
    super('The webhook payload is not a Stripe event payments can read.', { code: 'invalid_webhook', details });
  }
}

/** Without a signing secret nothing can be verified, so nothing is accepted; 503 makes Stripe retry once it is set. */
export class WebhooksNotConfiguredError extends DependencyUnavailableError {
  constructor() {
    super('Webhooks are not accepted: STRIPE_WEBHOOK_SECRET is not configured.', { code: 'webhooks_not_configured' });
  }
}
