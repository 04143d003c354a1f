import { BusinessRuleError } from '@marketplace/platform';

export class OnHandBelowReservedError extends BusinessRuleError {
  constructor(onHand: number, reserved: number) {
    super(`On hand cannot be set to ${onHand}: ${reserved} are reserved by orders.`, {
      code: 'on_hand_below_reserved',
      details: [{ field: 'onHand', message: `must be at least ${reserved}` }],
    });
  }
}
