import type { StartedPayment } from '../../payments/domain/payment-state';
import type { ChargeOutcome } from '../../payments/domain/provider-outcomes';
import { isMobileMoney, pushDeclined } from './mobile-money-outcomes';

/**
 * A push nobody answered: once the provider's last status query still says "waiting" and the payment
 * is older than `expireAfterMs`, it fails as `expired` (the order is then cancelled and its stock
 * released). Any other answer stands as given.
 */
export function expireUnanswered(payment: StartedPayment, answer: ChargeOutcome, now: Date, expireAfterMs: number): ChargeOutcome {
  const waiting = answer.kind === 'requires_action' || answer.kind === 'pending';
  if (!waiting || !isMobileMoney(payment.paymentMethod)) return answer;
  if (now.getTime() - Date.parse(payment.initiatedAt) < expireAfterMs) return answer;
  return pushDeclined(answer.providerPaymentId, 'expired', 'The payment request sent to the phone was not approved in time.');
}
