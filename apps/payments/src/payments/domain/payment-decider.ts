import type { Decider } from '@marketplace/event-store';
import { evolvePayment, initialPaymentState } from './evolve-payment';
import { initiatePayment } from './initiate-payment';
import { noteOrderCancelled } from './note-order-cancelled';
import type { PaymentCommand } from './payment-commands';
import type { PaymentEvent } from './payment-events';
import type { PaymentState } from './payment-state';
import { recordCapture } from './record-capture';
import { recordChargebackClosed, recordChargebackOpened } from './record-chargeback';
import { recordDecline, recordProcessing, recordRequiresAction } from './record-provider-progress';
import { recordRefundFailed, recordRefundIssued } from './record-refund-outcomes';
import { requestRefund } from './request-refund';

export function decidePayment(command: PaymentCommand, state: PaymentState): PaymentEvent[] {
  switch (command.type) {
    case 'InitiatePayment':
      return initiatePayment(command, state);
    case 'RecordRequiresAction':
      return recordRequiresAction(command, state);
    case 'RecordProcessing':
      return recordProcessing(command, state);
    case 'RecordCapture':
      return recordCapture(command, state);
    case 'RecordDecline':
      return recordDecline(command, state);
    case 'NoteOrderCancelled':
      return noteOrderCancelled(command, state);
    case 'RequestRefund':
      return requestRefund(command, state);
    case 'RecordRefundIssued':
      return recordRefundIssued(command, state);
    case 'RecordRefundFailed':
      return recordRefundFailed(command, state);
    case 'RecordChargebackOpened':
      return recordChargebackOpened(command, state);
    case 'RecordChargebackClosed':
      return recordChargebackClosed(command, state);
    default:
      return unknownCommand(command);
  }
}

function unknownCommand(command: never): never {
  throw new Error(`Unknown payment command ${JSON.stringify(command)}`);
}

/** The Payment aggregate: every input about a payment's money goes through it. */
export const paymentDecider: Decider<PaymentCommand, PaymentEvent, PaymentState> = {
  decide: decidePayment,
  evolve: evolvePayment,
  initialState: initialPaymentState,
};
