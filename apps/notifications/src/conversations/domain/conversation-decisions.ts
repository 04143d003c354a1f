import { assertCanWrite, existing, participantRole } from './access';
import type { ConversationState } from './conversation';
import type { ConversationCommand } from './conversation-commands';
import type { ConversationEvent } from './conversation-events';
import { SelfConversationError } from './request-errors';

type Command<T extends ConversationCommand['type']> = Extract<ConversationCommand, { type: T }>;

/** The buyer opens it with a first message; opening one that exists changes nothing. */
export function open(command: Command<'Open'>, state: ConversationState): ConversationEvent[] {
  if (state.status !== 'none') return [];
  if (command.buyerId === command.sellerId) throw new SelfConversationError();
  const { conversationId, buyerId, sellerId, subject, message, at } = command;
  return [
    { type: 'ConversationOpened', data: { conversationId, buyerId, sellerId, subject, openedAt: at } },
    { type: 'MessageSent', data: { conversationId, ...message, seq: 1, senderId: buyerId, sentAt: at } },
  ];
}

export function send(command: Command<'Send'>, state: ConversationState): ConversationEvent[] {
  const current = existing(state);
  assertCanWrite(current, command.senderId);
  const { id: conversationId, lastSeq } = current.conversation;
  return [{ type: 'MessageSent', data: { conversationId, ...command.message, seq: lastSeq + 1, senderId: command.senderId, sentAt: command.at } }];
}

/** Read markers only move forward: reading again up to an older message tells nobody anything. */
export function markRead(command: Command<'MarkRead'>, state: ConversationState): ConversationEvent[] {
  const { conversation } = existing(state);
  const role = participantRole(conversation, command.readerId);
  if (command.upTo.seq <= conversation.readSeq[role]) return [];
  const data = { conversationId: conversation.id, readerId: command.readerId, upToSeq: command.upTo.seq, upToMessageId: command.upTo.messageId, readAt: command.at };
  return [{ type: 'MessagesRead', data }];
}

/** Each participant blocks (and unblocks) for themselves; doing it twice changes nothing. */
export function block(command: Command<'Block' | 'Unblock'>, state: ConversationState): ConversationEvent[] {
  const { conversation } = existing(state);
  participantRole(conversation, command.userId);
  const blocked = conversation.blockedBy.includes(command.userId);
  const conversationId = conversation.id;
  if (command.type === 'Block') {
    return blocked ? [] : [{ type: 'ParticipantBlocked', data: { conversationId, blockedBy: command.userId, blockedAt: command.at } }];
  }
  return blocked ? [{ type: 'ParticipantUnblocked', data: { conversationId, unblockedBy: command.userId, unblockedAt: command.at } }] : [];
}

export function close(command: Command<'Close'>, state: ConversationState): ConversationEvent[] {
  const { status, conversation } = existing(state);
  if (status === 'closed') return [];
  return [{ type: 'ConversationClosed', data: { conversationId: conversation.id, closedBy: command.adminId, reason: command.reason, closedAt: command.at } }];
}
