import type { ConversationState } from './conversation';
import type { ConversationEvent } from './conversation-events';

/** The state after one event; events of a conversation that does not exist (yet) change nothing. */
export function evolveConversation(state: ConversationState, event: ConversationEvent): ConversationState {
  if (event.type === 'ConversationOpened') {
    const { conversationId: id, buyerId, sellerId, subject, openedAt } = event.data;
    const conversation = { id, buyerId, sellerId, subject, blockedBy: [], lastSeq: 0, readSeq: { buyer: 0, seller: 0 }, openedAt, lastMessageAt: openedAt, closedAt: null, closeReason: null };
    return { status: 'open', conversation };
  }
  if (state.status === 'none') return state;
  const { conversation } = state;
  switch (event.type) {
    case 'MessageSent':
      return { ...state, conversation: { ...conversation, lastSeq: event.data.seq, lastMessageAt: event.data.sentAt } };
    case 'MessagesRead': {
      const role = event.data.readerId === conversation.buyerId ? 'buyer' : 'seller';
      return { ...state, conversation: { ...conversation, readSeq: { ...conversation.readSeq, [role]: event.data.upToSeq } } };
    }
    case 'ParticipantBlocked':
      return { ...state, conversation: { ...conversation, blockedBy: [...conversation.blockedBy, event.data.blockedBy] } };
    case 'ParticipantUnblocked':
      return { ...state, conversation: { ...conversation, blockedBy: conversation.blockedBy.filter((id) => id !== event.data.unblockedBy) } };
    case 'ConversationClosed':
      return { status: 'closed', conversation: { ...conversation, closedAt: event.data.closedAt, closeReason: event.data.reason } };
    default: {
      const unknown: never = event;
      throw new Error(`unknown conversation event ${JSON.stringify(unknown)}`);
    }
  }
}
