import { deliverySealConfigShape, serviceTokenConfigShape } from '@marketplace/auth';
import { dataServiceConfigSchema, optional, positiveIntVar, urlVar } from '@marketplace/platform';
import { z } from 'zod';
import { conversationsConfigShape } from './conversations/conversations-config';

/**
 * Email goes over SMTP when SMTP_URL is set, else into `.eml` files under MAIL_DIR (a person can open
 * them). SMS goes to a Twilio-shaped HTTP API when SMS_API_URL is set, else to the log. Sealed links
 * from identity are opened with DELIVERY_SEAL_KEY (the key identity seals them with).
 */
export const notificationsConfigSchema = dataServiceConfigSchema.extend({
  ...serviceTokenConfigShape,
  ...deliverySealConfigShape,
  ...conversationsConfigShape,
  SMTP_URL: optional(z.url({ protocol: /^smtps?$/, error: 'must be an smtp:// or smtps:// URL' })),
  MAIL_FROM: z.string().min(3).default('Marketplace <no-reply@marketplace.local>'),
  MAIL_DIR: z.string().min(1).default('.data/mail'),
  SMS_API_URL: optional(urlVar),
  SMS_ACCOUNT_SID: optional(z.string().min(1)),
  SMS_AUTH_TOKEN: optional(z.string().min(1)),
  SMS_FROM: optional(z.string().regex(/^\+[1-9]\d{6,14}$/, { error: 'must be an E.164 number' })),
  /** Where links in messages point (the storefront). */
  PUBLIC_WEB_URL: urlVar.default('http://127.0.0.1:3000'),
  NOTIFY_MAX_ATTEMPTS: positiveIntVar.default(6),
  NOTIFY_RETRY_INITIAL_MS: positiveIntVar.default(2_000),
  NOTIFY_RETRY_MAX_MS: positiveIntVar.default(300_000),
  NOTIFY_DISPATCH_INTERVAL_MS: positiveIntVar.default(250),
  NOTIFY_SEND_CONCURRENCY: positiveIntVar.default(8),
  /** A send that has not reported back in this long (the process died) is tried again. */
  NOTIFY_SEND_LEASE_MS: positiveIntVar.default(60_000),
  SSE_HEARTBEAT_MS: positiveIntVar.default(15_000),
  /**
   * Events older than this update the projections but send nothing: a new deployment reading a topic
   * from its beginning, or a replay, must not mail everyone about last year's orders.
   */
  NOTIFY_MAX_EVENT_AGE_MS: positiveIntVar.default(86_400_000),
  /** The consumer group (default the service name); a benchmark keeps one across runs on a shared broker. */
  NOTIFICATIONS_CONSUMER_GROUP: optional(z.string().regex(/^[A-Za-z0-9._-]{1,100}$/)),
}).refine((config) => {
  const sms = [config.SMS_API_URL, config.SMS_ACCOUNT_SID, config.SMS_AUTH_TOKEN, config.SMS_FROM];
  return sms.every((value) => value === undefined) || sms.every((value) => value !== undefined);
}, { error: 'SMS_API_URL, SMS_ACCOUNT_SID, SMS_AUTH_TOKEN and SMS_FROM go together', path: ['SMS_API_URL'] });

export type NotificationsConfig = z.output<typeof notificationsConfigSchema>;
