import type { CheckoutPaymentMethod, Money } from '@marketplace/contracts';
import type { ChargeRequest, PaymentProviderPort, ProviderPaymentRef, ProviderRefundRequest } from '../../application/payment-provider';
import type { ChargeOutcome, RefundOutcome } from '../../domain/provider-outcomes';
import { canceledOutcome } from '../../domain/provider-steps';
import { simulatedOutcome } from './simulated-outcomes';

/** Provider ids shaped like Stripe's, derived from ours so that the same payment always gets the same id. */
export const simulatedPaymentId = (paymentId: string) => `pi_sim_${paymentId.replace(/-/g, '')}`;
export const simulatedRefundId = (refundId: string) => `re_sim_${refundId.replace(/-/g, '')}`;

/**
 * The default provider when no Stripe key is set: deterministic and stateless, it answers for each of
 * Stripe's test PaymentMethods what Stripe would, so every flow runs with nothing installed. Webhooks
 * shaped like Stripe's (signed with the webhook secret) complete what a buyer would do, e.g. 3-D Secure.
 */
export class SimulatedPaymentProvider implements PaymentProviderPort {
  readonly name = 'simulated';

  async charge(request: ChargeRequest): Promise<ChargeOutcome> {
    return play(simulatedPaymentId(request.paymentId), request.paymentMethod, request.amount);
  }

  async retrieve(payment: ProviderPaymentRef): Promise<ChargeOutcome> {
    return play(payment.providerPaymentId, payment.paymentMethod, payment.amount);
  }

  /** As at Stripe, a payment that succeeded cannot be cancelled: the answer is its capture. */
  async cancel(payment: ProviderPaymentRef): Promise<ChargeOutcome> {
    const outcome = play(payment.providerPaymentId, payment.paymentMethod, payment.amount);
    return outcome.kind === 'captured' ? outcome : canceledOutcome(payment.providerPaymentId);
  }

  async refund(request: ProviderRefundRequest): Promise<RefundOutcome> {
    return { kind: 'succeeded', providerRefundId: simulatedRefundId(request.refundId) };
  }
}

function play(providerPaymentId: string, paymentMethod: CheckoutPaymentMethod, amount: Money): ChargeOutcome {
  const outcome = simulatedOutcome(paymentMethod);
  switch (outcome.kind) {
    case 'captured':
      return { kind: 'captured', providerPaymentId, amount };
    case 'requires_action':
      return { kind: 'requires_action', providerPaymentId, nextActionType: outcome.nextActionType };
    case 'declined':
      return { ...outcome, providerPaymentId };
  }
}
