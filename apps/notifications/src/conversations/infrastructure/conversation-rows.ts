import type { ExistingState } from '../domain/access';
import type { Conversation } from '../domain/conversation';

export interface ConversationRow {
  id: string;
  buyer_id: string;
  seller_id: string;
  subject_type: 'product' | 'order';
  subject_id: string;
  subject_title: string;
  status: 'open' | 'closed';
  blocked_by: string[];
  last_seq: string | number;
  buyer_read_seq: string | number;
  seller_read_seq: string | number;
  opened_at: Date;
  last_message_at: Date;
  closed_at: Date | null;
  close_reason: string | null;
}

/** A message as stored, with when it reached and when it was read by the other participant. */
export interface StoredMessage {
  id: string;
  conversationId: string;
  seq: number;
  senderId: string;
  body: string;
  clientMessageId: string | null;
  createdAt: Date;
  deliveredAt: Date | null;
  readAt: Date | null;
}

/** Column aliases that read a message row as a StoredMessage (bigint and times as the driver gives them). */
export const MESSAGE_COLUMNS = ['id', 'conversation_id as conversationId', 'seq', 'sender_id as senderId', 'body', 'client_message_id as clientMessageId', 'created_at as createdAt', 'delivered_at as deliveredAt', 'read_at as readAt'];

type MessageFields = Omit<StoredMessage, 'seq' | 'createdAt' | 'deliveredAt' | 'readAt'> & { seq: string | number; createdAt: Date | string; deliveredAt: Date | string | null; readAt: Date | string | null };

const time = (value: Date | string | null) => (value === null ? null : new Date(value));

/** From a row read with MESSAGE_COLUMNS, or the same fields as JSON (times then come as strings). */
export const toMessage = (row: MessageFields): StoredMessage => ({ ...row, seq: Number(row.seq), createdAt: new Date(row.createdAt), deliveredAt: time(row.deliveredAt), readAt: time(row.readAt) });

export function toState(row: ConversationRow): ExistingState {
  const conversation: Conversation = {
    id: row.id,
    buyerId: row.buyer_id,
    sellerId: row.seller_id,
    subject: { type: row.subject_type, id: row.subject_id, title: row.subject_title },
    blockedBy: row.blocked_by,
    lastSeq: Number(row.last_seq),
    readSeq: { buyer: Number(row.buyer_read_seq), seller: Number(row.seller_read_seq) },
    openedAt: row.opened_at,
    lastMessageAt: row.last_message_at,
    closedAt: row.closed_at,
    closeReason: row.close_reason,
  };
  return { status: row.status, conversation };
}

export function toRow({ status, conversation: c }: ExistingState): ConversationRow {
  const subject = { subject_type: c.subject.type, subject_id: c.subject.id, subject_title: c.subject.title };
  const reads = { buyer_read_seq: c.readSeq.buyer, seller_read_seq: c.readSeq.seller };
  return { id: c.id, buyer_id: c.buyerId, seller_id: c.sellerId, ...subject, status, blocked_by: c.blockedBy, last_seq: c.lastSeq, ...reads, opened_at: c.openedAt, last_message_at: c.lastMessageAt, closed_at: c.closedAt, close_reason: c.closeReason };
}
