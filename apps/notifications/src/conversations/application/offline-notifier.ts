import type { Knex } from 'knex';

/** A chat message for a participant who was not connected when it arrived. */
export interface OfflineNotice {
  /** The message id: with the recipient and channel, what makes the notification unique. */
  sourceId: string;
  recipientId: string;
  template: 'conversation-message';
  data: { conversationId: string; messageId: string; senderName: string; preview: string; subject: string };
}

/** In-app notification and, by the recipient's preferences, email; written in the message's transaction. */
export interface OfflineNotifier {
  notify(trx: Knex.Transaction, notice: OfflineNotice): Promise<void>;
}

export const OFFLINE_NOTIFIER = Symbol('OFFLINE_NOTIFIER');
