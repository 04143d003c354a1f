import { deciderSpecification } from '@marketplace/event-store';
import { ADMIN_ID, commands, eur, events, PAYMENT_ID, ISO } from '../../../test/fixtures/payment-history';
import { MARKETPLACE_ACTOR } from './automatic-refund';
import { paymentDecider } from './payment-decider';
import { PaymentNotCapturedError, PaymentNotFoundError, RefundCurrencyMismatchError, RefundExceedsCapturedError, RefundIdConflictError } from './payment-errors';
import { REFUNDED_AT_PROVIDER } from './record-refund-outcomes';

const spec = deciderSpecification(paymentDecider);
const captured = [...events.initiated, events.captured()];
const [R1, R2, R3, R4] = ['1d3c5e7a-0000-4000-8000-000000000001', '1d3c5e7a-0000-4000-8000-000000000002', '1d3c5e7a-0000-4000-8000-000000000003', '1d3c5e7a-0000-4000-8000-000000000004'];

describe('refunds', () => {
  it('lets partial refunds add up to exactly the capture, then refuses one more minor unit', () => {
    const refunded = [...captured, events.refundRequested(R1, eur(2000)), events.refundIssued(R1, eur(2000)), events.refundRequested(R2, eur(2900)), events.refundIssued(R2, eur(2900))];
    spec.given([...captured, events.refundRequested(R1, eur(2000)), events.refundIssued(R1, eur(2000))]).when(commands.refund(R2, eur(2900))).then([events.refundRequested(R2, eur(2900))]);
    spec.given(refunded).when(commands.refund(R3, eur(1))).then(new RefundExceedsCapturedError(0, 'EUR'));
  });

  it('counts pending refunds: a reservation leaves only the rest refundable', () => {
    const pending = [...captured, events.refundRequested(R1, eur(4000))];
    spec.given(pending).when(commands.refund(R2, eur(901))).then(new RefundExceedsCapturedError(900, 'EUR'));
    spec.given(pending).when(commands.refund(R2)).then([events.refundRequested(R2, eur(900))]);
  });

  it('releases the reservation of a refund the provider refused', () => {
    const failed = { type: 'RefundFailed', data: { refundId: R1, paymentId: PAYMENT_ID, amount: eur(4900), failureCode: 'charge_disputed', message: 'The charge is disputed.', failedAt: ISO } } as const;
    spec.given([...captured, events.refundRequested(R1, eur(4900))]).when(commands.refundFailed(R1)).then([failed]);
    spec.given([...captured, events.refundRequested(R1, eur(4900)), failed]).when(commands.refund(R2)).then([events.refundRequested(R2, eur(4900))]);
  });

  it('refunds the whole remainder when no amount is given', () => {
    spec.given([...captured, events.refundRequested(R1, eur(900)), events.refundIssued(R1, eur(900))]).when(commands.refund(R2)).then([events.refundRequested(R2, eur(4000))]);
  });

  it('treats the same refund id as the same refund, and refuses it with another amount', () => {
    const requested = [...captured, events.refundRequested(R1, eur(1000))];
    spec.given(requested).when(commands.refund(R1, eur(1000))).then([]);
    spec.given(requested).when(commands.refund(R1)).then([]);
    spec.given(requested).when(commands.refund(R1, eur(1001))).then(RefundIdConflictError);
  });

  it('refuses unknown, uncaptured and other-currency refunds with typed errors', () => {
    spec.given([]).when(commands.refund(R1)).then(PaymentNotFoundError);
    spec.given(events.initiated).when(commands.refund(R1)).then(PaymentNotCapturedError);
    spec.given([...events.initiated, events.failed()]).when(commands.refund(R1)).then(PaymentNotCapturedError);
    spec.given(captured).when(commands.refund(R1, { amount: 100, currency: 'USD' })).then(RefundCurrencyMismatchError);
  });

  it('completes a reserved refund once, matched by its id or by the provider refund id', () => {
    const requested = [...captured, events.refundRequested(R1, eur(1000))];
    spec.given(requested).when(commands.refundIssued(R1, eur(1000))).then([events.refundIssued(R1, eur(1000))]);
    const issued = [...requested, events.refundIssued(R1, eur(1000))];
    spec.given(issued).when(commands.refundIssued(R1, eur(1000))).then([]);
    spec.given(issued).when(commands.refundIssued(R4, eur(1000), `re_${R1}`)).then([]);
    spec.given(requested).when(commands.refundFailed(R2)).then([]);
  });

  it('records a refund made at the provider when it fits, else an anomaly', () => {
    spec.given(captured).when(commands.refundIssued(R3, eur(500))).then([events.refundIssued(R3, eur(500), MARKETPLACE_ACTOR, REFUNDED_AT_PROVIDER)]);
    spec.given([...captured, events.refundRequested(R1, eur(4500))]).when(commands.refundIssued(R3, eur(500))).then([
      {
        type: 'PaymentAnomalyDetected',
        data: { paymentId: PAYMENT_ID, anomaly: 'refund_exceeds_captured', providerReference: `re_${R3}`, expected: eur(400), received: eur(500), detectedAt: ISO },
      },
    ]);
  });

  it('names the admin who asked as the issuer', () => {
    spec.given([...captured, events.refundRequested(R1, eur(10), ADMIN_ID, 'goodwill')]).when(commands.refundIssued(R1, eur(10))).then([events.refundIssued(R1, eur(10), ADMIN_ID, 'goodwill')]);
  });
});
