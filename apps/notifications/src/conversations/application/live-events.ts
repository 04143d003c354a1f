import type { LiveEvent } from '../../live/live-event';
import { conversationSummary, messageView } from '../api/conversation-views';
import type { ExistingState } from '../domain/access';
import type { ConversationEvent } from '../domain/conversation-events';
import type { StoredMessage } from '../infrastructure/conversation-rows';

export type ReceiptStatus = 'delivered' | 'read';

/** The message a MessageSent event stored: not yet delivered nor read. */
function sentMessage({ data }: Extract<ConversationEvent, { type: 'MessageSent' }>): StoredMessage {
  const { messageId: id, conversationId, seq, senderId, body, clientMessageId, sentAt } = data;
  return { id, conversationId, seq, senderId, body, clientMessageId, createdAt: sentAt, deliveredAt: null, readAt: null };
}

/** The messages that events stored. */
export function sentMessages(events: readonly ConversationEvent[]): StoredMessage[] {
  return events.flatMap((event) => (event.type === 'MessageSent' ? [sentMessage(event)] : []));
}

/** A receipt goes to both participants: the sender to see it, the recipient's other devices to keep up. */
export function receiptEvents(participants: readonly string[], receipt: { conversationId: string; messageId: string; userId: string; status: ReceiptStatus; at: Date }): LiveEvent[] {
  const data = { ...receipt, at: receipt.at.toISOString() };
  return participants.map((userId) => ({ userId, kind: 'receipt', data }));
}

/** What each event tells the two participants' open connections (`message`, `receipt`, `conversation`). */
export function liveEventsFor(events: readonly ConversationEvent[], state: ExistingState): LiveEvent[] {
  const { buyerId, sellerId } = state.conversation;
  const toBoth = (kind: string, data: unknown) => [buyerId, sellerId].map((userId) => ({ userId, kind, data }));
  return events.flatMap((event) => {
    switch (event.type) {
      case 'MessageSent':
        return toBoth('message', { message: messageView(sentMessage(event)) });
      case 'MessagesRead': {
        const { conversationId, upToMessageId: messageId, readerId: userId, readAt: at } = event.data;
        return receiptEvents([buyerId, sellerId], { conversationId, messageId, userId, status: 'read', at });
      }
      case 'ConversationOpened':
      case 'ParticipantBlocked':
      case 'ParticipantUnblocked':
      case 'ConversationClosed':
        return toBoth('conversation', { conversation: conversationSummary(state) });
      default: {
        const unknown: never = event;
        throw new Error(`unknown conversation event ${JSON.stringify(unknown)}`);
      }
    }
  });
}
