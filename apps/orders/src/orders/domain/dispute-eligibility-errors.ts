import { DomainError, type DomainErrorDetail } from '@marketplace/kernel';

/** The order was delivered longer ago than the dispute window, or its window was closed. */
export class DisputeWindowClosedError extends DomainError {
  readonly kind = 'rule';
  readonly code = 'dispute_window_closed';

  constructor() {
    super('The time to dispute this order is over.');
  }
}

export class LinesNotInOrderError extends DomainError {
  readonly kind = 'rule';
  readonly code = 'line_not_in_order';

  constructor(details: DomainErrorDetail[]) {
    super('Only lines of this order can be disputed.', details);
  }
}

export class LinesNotShippedError extends DomainError {
  readonly kind = 'rule';
  readonly code = 'line_not_shipped';

  constructor(details: DomainErrorDetail[]) {
    super('Only shipped or delivered lines can be disputed.', details);
  }
}

/** A line is in at most one open dispute. */
export class LinesAlreadyDisputedError extends DomainError {
  readonly kind = 'rule';
  readonly code = 'line_already_disputed';

  constructor(details: DomainErrorDetail[]) {
    super('These lines are already in an open dispute.', details);
  }
}
