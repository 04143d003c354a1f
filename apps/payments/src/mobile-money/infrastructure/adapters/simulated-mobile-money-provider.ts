import type { ChargeRequest, PaymentProviderPort, ProviderPaymentRef, ProviderRefundRequest } from '../../../payments/application/payment-provider';
import type { ChargeOutcome, RefundOutcome } from '../../../payments/domain/provider-outcomes';
import { canceledOutcome } from '../../../payments/domain/provider-steps';
import { isMobileMoney, pushDeclined, pushSent } from '../../domain/mobile-money-outcomes';
import { simulatedPushAnswer } from './simulated-mobile-money-outcomes';

/** Push ids derived from ours, so that the same payment always gets the same one. */
export const simulatedPushId = (paymentId: string) => `mm_sim_${paymentId.replace(/-/g, '')}`;

/**
 * A mobile money network with nothing installed (every network without credentials, TigoPesa and
 * Airtel Money always): the charge sends a push, and the buyer's answer, chosen by the test number, is
 * what the status query finds. There are no callbacks, so the verdict comes with reconciliation's query
 * (MOBILE_MONEY_QUERY_AFTER_MS); an unanswered push expires.
 */
export class SimulatedMobileMoneyProvider implements PaymentProviderPort {
  readonly name = 'simulated';

  async charge(request: ChargeRequest): Promise<ChargeOutcome> {
    return pushSent(simulatedPushId(request.paymentId));
  }

  async retrieve(payment: ProviderPaymentRef): Promise<ChargeOutcome> {
    const answer = isMobileMoney(payment.paymentMethod) ? simulatedPushAnswer(payment.paymentMethod.phone) : { kind: 'unanswered' as const };
    switch (answer.kind) {
      case 'approved':
        return { kind: 'captured', providerPaymentId: payment.providerPaymentId, amount: payment.amount };
      case 'declined':
        return pushDeclined(payment.providerPaymentId, answer.failureCode, answer.message);
      case 'unanswered':
        return pushSent(payment.providerPaymentId);
    }
  }

  async cancel(payment: ProviderPaymentRef): Promise<ChargeOutcome> {
    const outcome = await this.retrieve(payment);
    return outcome.kind === 'captured' || outcome.kind === 'declined' ? outcome : canceledOutcome(payment.providerPaymentId);
  }

  async refund(request: ProviderRefundRequest): Promise<RefundOutcome> {
    return { kind: 'succeeded', providerRefundId: `mm_sim_re_${request.refundId.replace(/-/g, '')}` };
  }
}
