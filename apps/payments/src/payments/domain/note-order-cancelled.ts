import { refundableAmount } from './amounts';
import { automaticRefund } from './automatic-refund';
import type { NoteOrderCancelled } from './payment-commands';
import type { PaymentEvent } from './payment-events';
import type { PaymentState } from './payment-state';

/**
 * The order will not be fulfilled. A captured payment gives back all that is still refundable; an open
 * one is cancelled at the provider next (its answer is recorded as any other), and a capture that
 * still arrives later is refunded (see recordCapture). A failed payment has nothing to give back.
 */
export function noteOrderCancelled(command: NoteOrderCancelled, state: PaymentState): PaymentEvent[] {
  if (state.status === 'none' || state.orderCancelled) return [];
  const noted: PaymentEvent = {
    type: 'OrderCancellationNoted',
    data: { paymentId: command.paymentId, orderId: state.orderId, reason: command.reason, notedAt: command.at.toISOString() },
  };
  const remainder = refundableAmount(state);
  if (state.status !== 'captured' || remainder === 0) return [noted];
  return [noted, automaticRefund(state, { amount: remainder, currency: state.captured.currency }, command.at)];
}
