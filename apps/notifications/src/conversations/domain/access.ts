import { BlockedByParticipantError, BlockedByYouError, ConversationClosedError, ConversationNotFoundError, NotAParticipantError } from './access-errors';
import type { Conversation, ConversationState, ParticipantRole } from './conversation';

/** Who asks to see a conversation: admins see every one, for moderation. */
export interface Viewer {
  id: string;
  isAdmin: boolean;
}

export type ExistingState = Exclude<ConversationState, { status: 'none' }>;

export function roleOf(conversation: Conversation, userId: string): ParticipantRole | undefined {
  if (userId === conversation.buyerId) return 'buyer';
  if (userId === conversation.sellerId) return 'seller';
  return undefined;
}

export function otherParticipant(conversation: Conversation, userId: string): string {
  return userId === conversation.buyerId ? conversation.sellerId : conversation.buyerId;
}

export function existing(state: ConversationState): ExistingState {
  if (state.status === 'none') throw new ConversationNotFoundError();
  return state;
}

/** The role of a participant; anyone else is refused. */
export function participantRole(conversation: Conversation, userId: string): ParticipantRole {
  const role = roleOf(conversation, userId);
  if (!role) throw new NotAParticipantError();
  return role;
}

export function assertCanView(conversation: Conversation, viewer: Viewer): void {
  if (!viewer.isAdmin) participantRole(conversation, viewer.id);
}

/** A participant writes while the conversation is open and neither of the two has blocked it. */
export function assertCanWrite(state: ExistingState, userId: string): ParticipantRole {
  const role = participantRole(state.conversation, userId);
  if (state.status === 'closed') throw new ConversationClosedError();
  if (state.conversation.blockedBy.includes(userId)) throw new BlockedByYouError();
  if (state.conversation.blockedBy.length > 0) throw new BlockedByParticipantError();
  return role;
}
