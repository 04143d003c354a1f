import { DomainError } from '@marketplace/kernel';

export class ConversationNotFoundError extends DomainError {
  readonly kind = 'not_found';
  readonly code = 'conversation_not_found';

  constructor() {
    super('No such conversation.');
  }
}

/**
 * Someone who is neither of the two participants (nor, for reading, an admin). Ids are random, so a 403
 * tells a caller nothing it could use; it tells an honest client its link belongs to another account.
 */
export class NotAParticipantError extends DomainError {
  readonly kind = 'forbidden';
  readonly code = 'not_a_participant';

  constructor() {
    super('Only the buyer and the seller of this conversation may do this.');
  }
}

export class ConversationClosedError extends DomainError {
  readonly kind = 'rule';
  readonly code = 'conversation_closed';

  constructor() {
    super('This conversation was closed by a moderator; no more messages can be sent.');
  }
}

/** The other participant withdrew the caller's permission to write: a 403, as retrying cannot help. */
export class BlockedByParticipantError extends DomainError {
  readonly kind = 'forbidden';
  readonly code = 'blocked_by_participant';

  constructor() {
    super('The other participant has blocked you in this conversation.');
  }
}

/** The caller blocked the conversation themselves: a state they can change (unblock), so a 422. */
export class BlockedByYouError extends DomainError {
  readonly kind = 'rule';
  readonly code = 'conversation_blocked';

  constructor() {
    super('You blocked this conversation; unblock it to write again.');
  }
}
