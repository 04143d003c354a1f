import { deciderSpecification } from '@marketplace/event-store';
import type { MobileMoneyPaymentMethod } from '@marketplace/contracts';
import { paymentDecider } from '../../payments/domain/payment-decider';
import type { PaymentEvent } from '../../payments/domain/payment-events';
import { chargeOutcomeCommand, type ChargeOutcome } from '../../payments/domain/provider-outcomes';
import { pushDeclined, pushSent } from './mobile-money-outcomes';

const spec = deciderSpecification(paymentDecider);
const paymentId = '0b6f1a3e-6a3c-4f7e-9d52-1f0f6a9b7c11';
const orderId = '5c2d7e8f-1a2b-4c3d-8e9f-0a1b2c3d4e5f';
const buyerId = '9e8d7c6b-5a49-4838-a726-150f4e3d2c1b';
const at = new Date('2026-03-01T12:00:00.000Z');
const ISO = at.toISOString();
const mpesa: MobileMoneyPaymentMethod = { type: 'mobile_money', provider: 'mpesa', phone: '+254712345678' };
const kes = (amount: number) => ({ amount, currency: 'KES' });
const CHECKOUT = 'ws_CO_0103202612000001';

const initiated: PaymentEvent[] = [
  { type: 'PaymentInitiated', data: { paymentId, orderId, amount: kes(150_000), provider: 'mpesa', paymentMethod: mpesa, initiatedAt: ISO } },
  { type: 'PaymentPayerRecorded', data: { paymentId, buyerId } },
];
const pushed: PaymentEvent = {
  type: 'PaymentRequiresAction',
  data: { paymentId, orderId, provider: 'mpesa', providerPaymentId: CHECKOUT, nextActionType: 'mobile_money_push', requestedAt: ISO },
};
const captured: PaymentEvent = {
  type: 'PaymentCaptured',
  data: { paymentId, orderId, amount: kes(150_000), provider: 'mpesa', providerPaymentId: CHECKOUT, capturedAt: ISO },
};
const answer = (outcome: ChargeOutcome) => chargeOutcomeCommand(paymentId, outcome, at);
const paid = (amount = 150_000) => answer({ kind: 'captured', providerPaymentId: CHECKOUT, amount: kes(amount) });

describe('a mobile money payment through the Payment decider', () => {
  it('waits on the push, then captures on the buyer approving it, once', () => {
    spec.given(initiated).when(answer(pushSent(CHECKOUT))).then([pushed]);
    spec.given([...initiated, pushed]).when(answer(pushSent(CHECKOUT))).then([]);
    spec.given([...initiated, pushed]).when(paid()).then([captured]);
    spec.given([...initiated, pushed, captured]).when(paid()).then([]);
  });

  it('fails with the buyer reason, and a late query that still finds it waiting changes nothing', () => {
    const cancelled = pushDeclined(CHECKOUT, 'cancelled_by_user', 'Request cancelled by user', 'mpesa_1032');
    spec
      .given([...initiated, pushed])
      .when(answer(cancelled))
      .then([
        {
          type: 'PaymentFailed',
          data: { paymentId, orderId, amount: kes(150_000), provider: 'mpesa', failureCode: 'cancelled_by_user', declineCode: 'mpesa_1032', message: 'Request cancelled by user', failedAt: ISO },
        },
      ]);
    spec.given([...initiated, pushed, captured]).when(answer(cancelled)).then([]);
    spec.given([...initiated, pushed, captured]).when(answer(pushSent(CHECKOUT))).then([]);
  });

  it('converges when the callback overtakes the push answer', () => {
    spec.given(initiated).when(paid()).then([captured]);
    spec.given([...initiated, captured]).when(answer(pushSent(CHECKOUT))).then([]);
  });

  it('never captures another amount: an anomaly, recorded once', () => {
    const anomaly: PaymentEvent = {
      type: 'PaymentAnomalyDetected',
      data: { paymentId, anomaly: 'capture_amount_mismatch', providerReference: CHECKOUT, expected: kes(150_000), received: kes(1_500), detectedAt: ISO },
    };
    spec.given([...initiated, pushed]).when(paid(1_500)).then([anomaly]);
    spec.given([...initiated, pushed, anomaly]).when(paid(1_500)).then([]);
  });

  it('keeps the receipt number of the capture, also when a callback brings it after the status query captured', () => {
    const receipt: PaymentEvent = { type: 'PaymentReceiptRecorded', data: { paymentId, providerPaymentId: CHECKOUT, receipt: 'NLJ7RT61SV', recordedAt: ISO } };
    const withReceipt = answer({ kind: 'captured', providerPaymentId: CHECKOUT, amount: kes(150_000), receipt: 'NLJ7RT61SV' });
    spec.given([...initiated, pushed]).when(withReceipt).then([captured, receipt]);
    spec.given([...initiated, pushed, captured]).when(withReceipt).then([receipt]);
    spec.given([...initiated, pushed, captured, receipt]).when(withReceipt).then([]);
  });

  it('ignores a callback about another push', () => {
    spec.given([...initiated, pushed]).when(answer({ kind: 'captured', providerPaymentId: 'ws_CO_other', amount: kes(150_000) })).then([]);
  });
});
