import type { AttemptEntry, Delivery } from '../domain/delivery';

export interface DeliveryRow {
  id: string;
  source_id: string;
  recipient_id: string;
  channel: Delivery['channel'];
  template: string;
  category: Delivery['category'];
  address: string;
  subject: string;
  body_text: string;
  body_html: string | null;
  status: Delivery['status'];
  attempts: number;
  next_attempt_at: Date | null;
  last_error: string | null;
  attempt_log: AttemptEntry[];
  created_at: Date;
  sent_at: Date | null;
  failed_at: Date | null;
}

export function toDelivery(row: DeliveryRow): Delivery {
  return {
    id: row.id,
    sourceId: row.source_id,
    recipientId: row.recipient_id,
    channel: row.channel,
    template: row.template,
    category: row.category,
    address: row.address,
    subject: row.subject,
    bodyText: row.body_text,
    bodyHtml: row.body_html,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    lastError: row.last_error,
    attemptLog: row.attempt_log,
    createdAt: row.created_at,
    sentAt: row.sent_at,
    failedAt: row.failed_at,
  };
}

export const DELIVERY_COLUMNS = [
  'id', 'source_id', 'recipient_id', 'channel', 'template', 'category', 'address', 'subject', 'body_text', 'body_html',
  'status', 'attempts', 'next_attempt_at', 'last_error', 'attempt_log', 'created_at', 'sent_at', 'failed_at',
];
