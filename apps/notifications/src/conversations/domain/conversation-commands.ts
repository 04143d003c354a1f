import type { NewMessage, Subject } from './conversation';

/** What buyers, sellers and admins ask of a conversation. Ids and time come in with the command. */
export type ConversationCommand =
  | { type: 'Open'; conversationId: string; buyerId: string; sellerId: string; subject: Subject; message: NewMessage; at: Date }
  | { type: 'Send'; senderId: string; message: NewMessage; at: Date }
  | { type: 'MarkRead'; readerId: string; upTo: { messageId: string; seq: number }; at: Date }
  | { type: 'Block'; userId: string; at: Date }
  | { type: 'Unblock'; userId: string; at: Date }
  | { type: 'Close'; adminId: string; reason: string | null; at: Date };
