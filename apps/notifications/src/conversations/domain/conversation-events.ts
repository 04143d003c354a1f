import type { Subject } from './conversation';

/** What happened to a conversation; each changes its stored state and is told to the participants live. */
export type ConversationEvent =
  | { type: 'ConversationOpened'; data: { conversationId: string; buyerId: string; sellerId: string; subject: Subject; openedAt: Date } }
  | {
      type: 'MessageSent';
      data: { conversationId: string; messageId: string; seq: number; senderId: string; body: string; clientMessageId: string | null; sentAt: Date };
    }
  | { type: 'MessagesRead'; data: { conversationId: string; readerId: string; upToSeq: number; upToMessageId: string; readAt: Date } }
  | { type: 'ParticipantBlocked'; data: { conversationId: string; blockedBy: string; blockedAt: Date } }
  | { type: 'ParticipantUnblocked'; data: { conversationId: string; unblockedBy: string; unblockedAt: Date } }
  | { type: 'ConversationClosed'; data: { conversationId: string; closedBy: string; reason: string | null; closedAt: Date } };
