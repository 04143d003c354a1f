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

/** Products that are unknown, drafts or archived: they cannot be bought (or put in a cart). */
export class ProductsNotAvailableError extends DomainError {
  readonly kind = 'rule';
  readonly code = 'product_not_available';
}

/** An order (and a cart) is in one currency. */
export class MixedCurrenciesError extends DomainError {
  readonly kind = 'rule';
  readonly code = 'currency_mismatch';
}

/** A mobile money network that cannot charge the order's total (another currency, or not in its steps). */
export class PaymentMethodNotApplicableError extends DomainError {
  readonly kind = 'rule';
  readonly code = 'payment_method_not_applicable';

  constructor(problem: string) {
    super(`This payment method cannot pay the order: ${problem}.`, [{ field: 'paymentMethod', message: problem }]);
  }
}

export class CartEmptyError extends DomainError {
  readonly kind = 'rule';
  readonly code = 'cart_empty';

  constructor() {
    super('The cart is empty: there is nothing to order.', [{ field: 'fromCart', message: 'the cart is empty' }]);
  }
}

export class IdempotencyKeyReusedError extends DomainError {
  readonly kind = 'rule';
  readonly code = 'idempotency_key_reused';

  constructor() {
    super('This Idempotency-Key was already used for a different request; use a new key for a new order.', [
      { field: 'Idempotency-Key', message: 'used before with another body' },
    ]);
  }
}
