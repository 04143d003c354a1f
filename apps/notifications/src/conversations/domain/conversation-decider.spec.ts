import { deciderSpecification } from '@marketplace/event-store';
import { BlockedByParticipantError, BlockedByYouError, ConversationClosedError, ConversationNotFoundError, NotAParticipantError } from './access-errors';
import type { ConversationEvent } from './conversation-events';
import { conversationDecider } from './conversation-decider';
import { SelfConversationError } from './request-errors';

const spec = deciderSpecification(conversationDecider);
const at = (minute: number) => new Date(Date.UTC(2026, 0, 2, 10, minute));
const [conversationId, buyerId, sellerId, strangerId, adminId] = ['c0000000-0000-4000-8000-000000000001', 'b', 's', 'x', 'a'];
const subject = { type: 'product' as const, id: 'p', title: 'Merino scarf' };
const message = (n: number) => ({ messageId: `m${n}`, body: `hello ${n}`, clientMessageId: null });

const opened: ConversationEvent = { type: 'ConversationOpened', data: { conversationId, buyerId, sellerId, subject, openedAt: at(0) } };
const sent = (n: number, senderId: string, sentAt = at(n)): ConversationEvent => ({ type: 'MessageSent', data: { conversationId, ...message(n), seq: n, senderId, sentAt } });
const blocked = (by: string): ConversationEvent => ({ type: 'ParticipantBlocked', data: { conversationId, blockedBy: by, blockedAt: at(5) } });
const closed: ConversationEvent = { type: 'ConversationClosed', data: { conversationId, closedBy: adminId, reason: 'spam', closedAt: at(6) } };
const read = (readerId: string, upToSeq: number): ConversationEvent => ({ type: 'MessagesRead', data: { conversationId, readerId, upToSeq, upToMessageId: `m${upToSeq}`, readAt: at(7) } });
const chat = [opened, sent(1, buyerId), sent(2, sellerId)];

describe('conversation decider', () => {
  describe('opening', () => {
    const open = { type: 'Open' as const, conversationId, buyerId, sellerId, subject, message: message(1), at: at(0) };
    it('given nothing, when the buyer opens, then it is opened with the first message', () => spec.given([]).when(open).then([opened, sent(1, buyerId, at(0))]));
    it('given it exists, when opened again, then nothing changes', () => spec.given(chat).when(open).then([]));
    it('given nothing, when a user opens one with themselves, then it is refused', () => spec.given([]).when({ ...open, sellerId: buyerId }).then(SelfConversationError));
  });

  describe('sending', () => {
    const send = (senderId: string) => ({ type: 'Send' as const, senderId, message: message(3), at: at(3) });
    it('given a chat, when either participant sends, then the message takes the next seq', () => {
      spec.given(chat).when(send(sellerId)).then([sent(3, sellerId)]);
      spec.given(chat).when(send(buyerId)).then([sent(3, buyerId)]);
    });
    it('given no conversation, when sending, then it is not found', () => spec.given([]).when(send(buyerId)).then(ConversationNotFoundError));
    it('given a chat, when a third user (even an admin) sends, then it is forbidden', () => {
      spec.given(chat).when(send(strangerId)).then(NotAParticipantError);
      spec.given(chat).when(send(adminId)).then(NotAParticipantError);
    });
    it('given a closed conversation, when sending, then it is refused', () => spec.given([...chat, closed]).when(send(buyerId)).then(ConversationClosedError));
    it('given the seller blocked, when the buyer sends, then it is forbidden; when the seller sends, then unblocking is asked for', () => {
      spec.given([...chat, blocked(sellerId)]).when(send(buyerId)).then(BlockedByParticipantError);
      spec.given([...chat, blocked(sellerId)]).when(send(sellerId)).then(BlockedByYouError);
    });
    it('given a block was lifted, when the buyer sends, then it is sent', () => {
      const unblocked: ConversationEvent = { type: 'ParticipantUnblocked', data: { conversationId, unblockedBy: sellerId, unblockedAt: at(6) } };
      spec.given([...chat, blocked(sellerId), unblocked]).when(send(buyerId)).then([sent(3, buyerId)]);
    });
  });

  describe('read receipts', () => {
    const markRead = (readerId: string, seq: number) => ({ type: 'MarkRead' as const, readerId, upTo: { messageId: `m${seq}`, seq }, at: at(7) });
    it('given unread messages, when a participant reads up to one, then the marker moves there', () => spec.given(chat).when(markRead(buyerId, 2)).then([read(buyerId, 2)]));
    it('given a marker, when reading up to it or before, then nothing is told again', () => {
      spec.given([...chat, read(buyerId, 2)]).when(markRead(buyerId, 2)).then([]);
      spec.given([...chat, read(buyerId, 2)]).when(markRead(buyerId, 1)).then([]);
    });
    it('given one marker, when the other participant reads, then theirs moves on its own', () => spec.given([...chat, read(buyerId, 2)]).when(markRead(sellerId, 1)).then([read(sellerId, 1)]));
    it('given a closed conversation, when reading, then it still counts', () => spec.given([...chat, closed]).when(markRead(sellerId, 1)).then([read(sellerId, 1)]));
    it('given a chat, when a third user reads, then it is forbidden', () => spec.given(chat).when(markRead(strangerId, 2)).then(NotAParticipantError));
  });

  describe('blocking and closing', () => {
    const block = (userId: string) => ({ type: 'Block' as const, userId, at: at(5) });
    it('given a chat, when a participant blocks, then it is blocked, once', () => {
      spec.given(chat).when(block(sellerId)).then([blocked(sellerId)]);
      spec.given([...chat, blocked(sellerId)]).when(block(sellerId)).then([]);
    });
    it('given nobody blocked, when unblocking, then nothing changes', () => spec.given(chat).when({ type: 'Unblock', userId: buyerId, at: at(6) }).then([]));
    it('given the seller blocked, when the buyer unblocks, then the seller\'s block stays', () => spec.given([...chat, blocked(sellerId)]).when({ type: 'Unblock', userId: buyerId, at: at(6) }).then([]));
    it('given a chat, when a third user blocks, then it is forbidden', () => spec.given(chat).when(block(strangerId)).then(NotAParticipantError));
    it('given a chat, when an admin closes it, then it is closed, once', () => {
      const close = { type: 'Close' as const, adminId, reason: 'spam', at: at(6) };
      spec.given(chat).when(close).then([closed]);
      spec.given([...chat, closed]).when(close).then([]);
    });
  });
});
