import { DomainError, type DomainErrorDetail } from '@marketplace/kernel';

export class OrderNotFoundError extends DomainError {
  readonly kind = 'not_found';
  readonly code = 'order_not_found';

  constructor() {
    super('No such order.');
  }
}

export class OrderAlreadyCancelledError extends DomainError {
  readonly kind = 'conflict';
  readonly code = 'order_already_cancelled';

  constructor() {
    super('The order is already cancelled.');
  }
}

export class OrderNotCancellableError extends DomainError {
  readonly kind = 'rule';
  readonly code = 'order_not_cancellable';

  constructor(status: string) {
    super(`An order that is ${status.replace('_', ' ')} can no longer be cancelled.`);
  }
}

export class OrderNotShippableError extends DomainError {
  readonly kind = 'rule';
  readonly code = 'order_not_shippable';

  constructor(status: string) {
    super(`An order that is ${status.replace('_', ' ')} cannot be shipped; only a confirmed (paid) order can.`);
  }
}

/** Lines the shipping seller does not sell, or that are not in the order. */
export class NotYourLinesError extends DomainError {
  readonly kind = 'forbidden';
  readonly code = 'not_line_owner';

  constructor(details: DomainErrorDetail[]) {
    super('A seller ships only their own lines of the order.', details);
  }
}

export class LinesAlreadyShippedError extends DomainError {
  readonly kind = 'conflict';
  readonly code = 'line_already_shipped';

  constructor(details: DomainErrorDetail[]) {
    super('These lines are already shipped.', details);
  }
}

export class OrderNotDeliverableError extends DomainError {
  readonly kind = 'rule';
  readonly code = 'order_not_shipped';

  constructor(status: string) {
    super(`Delivery can be confirmed once every line has shipped; the order is ${status.replace('_', ' ')}.`);
  }
}
