import type { PaymentState, StartedPayment } from './payment-state';

type OpenPayment = Extract<PaymentState, { status: 'initiated' | 'requires_action' }>;

/** Still waiting for the provider's verdict on the money. */
export function isOpen(state: PaymentState): state is OpenPayment {
  return state.status === 'initiated' || state.status === 'requires_action';
}

/**
 * A provider input about another provider payment than the one this payment recorded is not about
 * this payment (it is ignored). Before the provider named its payment, any id is accepted: the input
 * reached us through this payment's id in the provider's metadata.
 */
export function isAboutThisPayment(state: StartedPayment, providerPaymentId: string | undefined): boolean {
  return providerPaymentId === undefined || state.providerPaymentId === undefined || state.providerPaymentId === providerPaymentId;
}
