import { DomainError } from '@marketplace/kernel';

export class SelfConversationError extends DomainError {
  readonly kind = 'rule';
  readonly code = 'cannot_message_yourself';

  constructor() {
    super('A conversation is between a buyer and another user who sells.', [{ field: 'sellerId', message: 'must not be you' }]);
  }
}

/** Unknown here, or an order of another buyer: the two are told apart by no one. */
export class UnknownSubjectError extends DomainError {
  readonly kind = 'rule';
  readonly code = 'unknown_subject';

  constructor(field: string) {
    super('There is no such product or order of yours to talk about.', [{ field, message: 'unknown' }]);
  }
}

export class SellerNotInSubjectError extends DomainError {
  readonly kind = 'rule';
  readonly code = 'seller_not_in_subject';

  constructor() {
    super('This seller does not sell the product or any line of the order.', [{ field: 'sellerId', message: 'not the seller of the subject' }]);
  }
}

export class UnknownMessageError extends DomainError {
  readonly kind = 'rule';
  readonly code = 'unknown_message';

  constructor(field: string) {
    super('There is no such message in this conversation.', [{ field, message: 'unknown' }]);
  }
}

/** A client message id names one message of its sender: reusing it for another one is a client bug. */
export class ClientMessageIdReusedError extends DomainError {
  readonly kind = 'rule';
  readonly code = 'client_message_id_reused';

  constructor() {
    super('This clientMessageId was already used for a different message; use a new one.', [{ field: 'clientMessageId', message: 'used before for another message' }]);
  }
}
