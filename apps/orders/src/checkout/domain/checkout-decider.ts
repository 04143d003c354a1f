import type { Decider } from '@marketplace/event-store';
import type { CheckoutEvent, CheckoutState } from './checkout-events';
import type { CheckoutInput } from './checkout-inputs';

/**
 * The checkout process manager: inputs are events, outputs are decisions that imply order commands.
 * A repeated, late or out-of-place input decides nothing ([]), it never throws.
 */
export const checkoutDecider: Decider<CheckoutInput, CheckoutEvent, CheckoutState> = {
  initialState: () => ({ status: 'awaiting_stock', inputIds: [] }),
  decide(input, state) {
    if (state.inputIds.includes(input.inputId)) return [];
    const { orderId, inputId, at } = input;
    switch (input.type) {
      case 'StockReserved':
        if (state.status !== 'awaiting_stock') return [];
        return [{ type: 'StockSecured', data: { orderId, inputId, paymentId: input.newPaymentId, at } }];
      case 'StockReservationFailed':
        if (state.status !== 'awaiting_stock') return [];
        return [{ type: 'StockUnavailable', data: { orderId, inputId, shortProductIds: input.shortProductIds, at } }];
      case 'PaymentCaptured':
        if (state.status !== 'awaiting_payment' || input.paymentId !== state.paymentId) return [];
        return [{ type: 'PaymentSettled', data: { orderId, inputId, paymentId: input.paymentId, at } }];
      case 'PaymentFailed':
        if (state.status !== 'awaiting_payment' || input.paymentId !== state.paymentId) return [];
        return [{ type: 'PaymentDeclined', data: { orderId, inputId, paymentId: input.paymentId, failureCode: input.failureCode, at } }];
      case 'PaymentDeadlinePassed':
        if (state.status !== 'awaiting_stock' && state.status !== 'awaiting_payment') return [];
        return [{ type: 'PaymentOverdue', data: { orderId, inputId, at } }];
      default: {
        const unknown: never = input;
        throw new Error(`Unknown checkout input ${JSON.stringify(unknown)}`);
      }
    }
  },
  evolve(state, event) {
    const inputIds = [...state.inputIds, event.data.inputId];
    switch (event.type) {
      case 'StockSecured':
        return { status: 'awaiting_payment', paymentId: event.data.paymentId, inputIds };
      case 'PaymentSettled':
        return { ...state, status: 'completed', inputIds };
      case 'StockUnavailable':
      case 'PaymentDeclined':
      case 'PaymentOverdue':
        return { ...state, status: 'cancelled', inputIds };
      default: {
        const unknown: never = event;
        throw new Error(`Unknown checkout event ${JSON.stringify(unknown)}`);
      }
    }
  },
};

