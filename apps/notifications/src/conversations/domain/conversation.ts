/** What a conversation is about, as the opening buyer names it. */
export type SubjectRequest = { type: 'product'; productId: string } | { type: 'order'; orderId: string };

/** The subject as the conversation keeps it: its kind, id and a title to show (taken when it opened). */
export interface Subject {
  type: 'product' | 'order';
  id: string;
  title: string;
}

export type ParticipantRole = 'buyer' | 'seller';

/**
 * A buyer and a seller talking about one subject. `lastSeq` numbers its messages; `readSeq` is how far
 * each participant has read; `blockedBy` holds the participants who blocked the other.
 */
export interface Conversation {
  id: string;
  buyerId: string;
  sellerId: string;
  subject: Subject;
  blockedBy: string[];
  lastSeq: number;
  readSeq: Record<ParticipantRole, number>;
  openedAt: Date;
  lastMessageAt: Date;
  closedAt: Date | null;
  closeReason: string | null;
}

export type ConversationState = { status: 'none' } | { status: 'open' | 'closed'; conversation: Conversation };

/** A message about to be written; its body is already checked and, if configured, masked. */
export interface NewMessage {
  messageId: string;
  body: string;
  clientMessageId: string | null;
}
