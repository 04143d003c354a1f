import type { ExistingState } from '../domain/access';
import { messageStatus } from '../domain/receipts';
import type { ConversationListing } from '../infrastructure/conversation-pages';
import type { StoredMessage } from '../infrastructure/conversation-rows';

const iso = (at: Date | null) => at?.toISOString() ?? null;

/** A message as the API, the WebSocket and the live stream show it. */
export function messageView(message: StoredMessage) {
  return {
    id: message.id,
    conversationId: message.conversationId,
    seq: message.seq,
    senderId: message.senderId,
    body: message.body,
    clientMessageId: message.clientMessageId,
    status: messageStatus(message),
    createdAt: message.createdAt.toISOString(),
    deliveredAt: iso(message.deliveredAt),
    readAt: iso(message.readAt),
  };
}

/** A conversation as both participants see it (what a live `conversation` event carries). */
export function conversationSummary({ status, conversation }: ExistingState) {
  return {
    id: conversation.id,
    subject: conversation.subject,
    buyerId: conversation.buyerId,
    sellerId: conversation.sellerId,
    status,
    blockedBy: conversation.blockedBy,
    openedAt: conversation.openedAt.toISOString(),
    lastMessageAt: conversation.lastMessageAt.toISOString(),
    closedAt: iso(conversation.closedAt),
    closeReason: conversation.closeReason,
  };
}

/** A conversation in a list or read alone: names from the directory (null while it does not know a user), unread count for a participant. */
export function conversationView(listing: ConversationListing, names: ReadonlyMap<string, string>) {
  const { conversation } = listing.state;
  return {
    ...conversationSummary(listing.state),
    buyerName: names.get(conversation.buyerId) ?? null,
    sellerName: names.get(conversation.sellerId) ?? null,
    unreadCount: listing.unreadCount,
    lastMessage: listing.lastMessage && messageView(listing.lastMessage),
  };
}
