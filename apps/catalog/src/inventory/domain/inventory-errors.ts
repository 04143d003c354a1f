import { BusinessRuleError, ForbiddenError, NotFoundError } from '@marketplace/platform';

export class OnHandBelowReservedError extends BusinessRuleError {
  constructor(onHand: number, reserved: number) {
    super(`On hand cannot be set to ${onHand}: ${reserved} are reserved by orders.`, {
      code: 'on_hand_below_reserved',
      details: [{ field: 'onHand', message: `must be at least ${reserved}` }],
    });
  }
}

export class InventoryNotFoundError extends NotFoundError {
  constructor() {
    super('No stock is recorded for this product.', { code: 'inventory_not_found' });
  }
}

export class InventoryProductNotFoundError extends NotFoundError {
  constructor() {
    super('No such product.', { code: 'product_not_found' });
  }
}

export class NotStockOwnerError extends ForbiddenError {
  constructor() {
    super("Only the seller who owns this product or an admin may set its stock.", { code: 'not_product_owner' });
  }
}
