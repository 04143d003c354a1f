import { assertCanView, otherParticipant, roleOf } from './access';
import { NotAParticipantError } from './access-errors';
import type { Conversation } from './conversation';

const conversation: Conversation = {
  id: 'c',
  buyerId: 'buyer',
  sellerId: 'seller',
  subject: { type: 'order', id: 'o', title: 'Order o' },
  blockedBy: [],
  lastSeq: 2,
  readSeq: { buyer: 0, seller: 0 },
  openedAt: new Date(0),
  lastMessageAt: new Date(0),
  closedAt: null,
  closeReason: null,
};

describe('who may see a conversation', () => {
  it('given its buyer or seller, when they look, then they may', () => {
    expect(() => assertCanView(conversation, { id: 'buyer', isAdmin: false })).not.toThrow();
    expect(() => assertCanView(conversation, { id: 'seller', isAdmin: false })).not.toThrow();
  });

  it('given an admin who is not a participant, when they look, then they may (moderation)', () => {
    expect(() => assertCanView(conversation, { id: 'admin', isAdmin: true })).not.toThrow();
  });

  it('given a third user, when they look, then it is forbidden', () => {
    expect(() => assertCanView(conversation, { id: 'stranger', isAdmin: false })).toThrow(NotAParticipantError);
  });

  it('names each participant\'s role and the other side, and no role for anyone else', () => {
    expect([roleOf(conversation, 'buyer'), roleOf(conversation, 'seller'), roleOf(conversation, 'stranger')]).toEqual(['buyer', 'seller', undefined]);
    expect([otherParticipant(conversation, 'buyer'), otherParticipant(conversation, 'seller')]).toEqual(['seller', 'buyer']);
  });
});
