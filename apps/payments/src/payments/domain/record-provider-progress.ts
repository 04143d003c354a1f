import type { RecordDecline, RecordProcessing, RecordRequiresAction } from './payment-commands';
import type { PaymentEvent } from './payment-events';
import type { PaymentState } from './payment-state';
import { isAboutThisPayment, isOpen } from './provider-match';

/** Contract limit of PaymentFailed.message. */
const MESSAGE_MAX_LENGTH = 1000;

/** The buyer must act (3-D Secure); a late report after the verdict, or a repeat, changes nothing. */
export function recordRequiresAction(command: RecordRequiresAction, state: PaymentState): PaymentEvent[] {
  if (state.status !== 'initiated' || !isAboutThisPayment(state, command.providerPaymentId)) return [];
  const { paymentId, providerPaymentId, nextActionType, at } = command;
  return [
    {
      type: 'PaymentRequiresAction',
      data: { paymentId, orderId: state.orderId, provider: state.provider, providerPaymentId, nextActionType, requestedAt: at.toISOString() },
    },
  ];
}

/** The provider is still working: only its payment id is new (webhooks and status queries match on it). */
export function recordProcessing(command: RecordProcessing, state: PaymentState): PaymentEvent[] {
  if (state.status !== 'initiated' || state.providerPaymentId !== undefined) return [];
  return [{ type: 'PaymentProcessing', data: { paymentId: command.paymentId, providerPaymentId: command.providerPaymentId, at: command.at.toISOString() } }];
}

/** A decline is a result: the payment failed. After a capture it is stale and changes nothing. */
export function recordDecline(command: RecordDecline, state: PaymentState): PaymentEvent[] {
  if (!isOpen(state) || !isAboutThisPayment(state, command.providerPaymentId)) return [];
  const { paymentId, failureCode, declineCode, message, at } = command;
  return [
    {
      type: 'PaymentFailed',
      data: {
        paymentId,
        orderId: state.orderId,
        amount: state.amount,
        provider: state.provider,
        failureCode,
        ...(declineCode ? { declineCode } : {}),
        message: message.slice(0, MESSAGE_MAX_LENGTH),
        failedAt: at.toISOString(),
      },
    },
  ];
}
