import { BusinessRuleError, ConflictError, ForbiddenError, NotFoundError } from '@marketplace/platform';

export class CategoryNotFoundError extends NotFoundError {
  constructor() {
    super('No such category.', { code: 'category_not_found' });
  }
}

/** A body names a category that does not exist: the request is well-formed but cannot be carried out. */
export class UnknownCategoryError extends BusinessRuleError {
  constructor(field: string) {
    super('The category does not exist.', { code: 'unknown_category', details: [{ field, message: 'no such category' }] });
  }
}

export class SlugTakenError extends ConflictError {
  constructor(slug: string) {
    super(`The slug "${slug}" is already used by another category.`, { code: 'slug_taken', details: [{ field: 'slug', message: 'already used' }] });
  }
}

export class CategoryCycleError extends BusinessRuleError {
  constructor() {
    super('A category cannot be moved under itself or one of its descendants.', { code: 'category_cycle', details: [{ field: 'parentId', message: 'would make a cycle' }] });
  }
}

export class ProductNotFoundError extends NotFoundError {
  constructor() {
    super('No such product.', { code: 'product_not_found' });
  }
}

export class NotProductOwnerError extends ForbiddenError {
  constructor() {
    super('Only the seller who owns this product or an admin may change it.', { code: 'not_product_owner' });
  }
}

/** A lifecycle step that the product's current status does not allow (e.g. publishing an archived product). */
export class IllegalProductTransitionError extends BusinessRuleError {
  constructor(action: string, status: string) {
    super(`A ${status} product cannot be ${action}.`, { code: 'illegal_product_transition' });
  }
}

export class CurrencyChangeError extends BusinessRuleError {
  constructor(current: string) {
    super(`The product is priced in ${current}; a new price must be in the same currency.`, {
      code: 'currency_change',
      details: [{ field: 'price.currency', message: `must be ${current}` }],
    });
  }
}

export class PurchaseRequiredError extends ForbiddenError {
  constructor() {
    super('Only a buyer who received this product in a delivered order may review it.', { code: 'purchase_required' });
  }
}

export class ReviewExistsError extends ConflictError {
  constructor() {
    super('You have already reviewed this product.', { code: 'review_exists' });
  }
}
