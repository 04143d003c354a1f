import type { Category, Channel } from './channels';

export type DeliveryStatus = 'pending' | 'sending' | 'sent' | 'failed';

/** One line of a delivery's record: what each attempt gave, and when the next one is due. */
export interface AttemptEntry {
  attempt: number;
  at: string;
  outcome: 'sent' | 'retry' | 'failed' | 'requeued';
  error?: string;
  retryAt?: string;
  by?: string;
}

/** A message to one recipient on one channel, recorded before it is sent. */
export interface Delivery {
  id: string;
  sourceId: string;
  recipientId: string;
  channel: Channel;
  template: string;
  category: Category;
  address: string;
  subject: string;
  bodyText: string;
  bodyHtml: string | null;
  status: DeliveryStatus;
  attempts: number;
  nextAttemptAt: Date | null;
  lastError: string | null;
  attemptLog: AttemptEntry[];
  createdAt: Date;
  sentAt: Date | null;
  failedAt: Date | null;
}
