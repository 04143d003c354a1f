import type { Decider } from '@marketplace/event-store';
import { cancelByCheckout, cancelOrder } from './decisions/cancel';
import { confirmOrder, requestPayment } from './decisions/checkout-steps';
import { confirmDelivery } from './decisions/deliver';
import { closeDisputeWindow, holdLinesForDispute, releaseDisputeHold } from './decisions/dispute-holds';
import { placeOrder } from './decisions/place';
import { recordRefund } from './decisions/refund';
import { shipLines } from './decisions/ship';
import type { OrderCommand } from './order-commands';
import type { OrderEvent } from './order-events';
import { evolveOrder, initialOrderState, type OrderState } from './order-state';

/**
 * The Order aggregate. Steps the checkout drives quietly do nothing from the wrong status (a late or
 * repeated input); a person's command from the wrong status is a typed error.
 */
export const orderDecider: Decider<OrderCommand, OrderEvent, OrderState> = {
  initialState: initialOrderState,
  evolve: evolveOrder,
  decide(command, state) {
    switch (command.type) {
      case 'PlaceOrder':
        return placeOrder(command, state);
      case 'RequestPayment':
        return requestPayment(command, state);
      case 'ConfirmOrder':
        return confirmOrder(command, state);
      case 'CancelByCheckout':
        return cancelByCheckout(command, state);
      case 'CancelOrder':
        return cancelOrder(command, state);
      case 'ShipLines':
        return shipLines(command, state);
      case 'ConfirmDelivery':
        return confirmDelivery(command, state);
      case 'RecordRefund':
        return recordRefund(command, state);
      case 'HoldLinesForDispute':
        return holdLinesForDispute(command, state);
      case 'ReleaseDisputeHold':
        return releaseDisputeHold(command, state);
      case 'CloseDisputeWindow':
        return closeDisputeWindow(command, state);
      default: {
        const unknown: never = command;
        throw new Error(`Unknown order command ${JSON.stringify(unknown)}`);
      }
    }
  },
};
