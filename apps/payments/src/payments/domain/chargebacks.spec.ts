import { deciderSpecification } from '@marketplace/event-store';
import { commands, eur, events, ISO, ORDER_ID, PAYMENT_ID } from '../../../test/fixtures/payment-history';
import type { RecordChargebackClosed, RecordChargebackOpened } from './chargeback-commands';
import { chargebackIdOf } from './chargeback-records';
import { PaymentNotFoundError, RefundExceedsCapturedError } from './payment-errors';
import { paymentDecider } from './payment-decider';
import type { PaymentEvent } from './payment-events';

const spec = deciderSpecification(paymentDecider);
const DISPUTE = 'dp_1TestDispute';
const CHARGEBACK = chargebackIdOf(PAYMENT_ID, DISPUTE);
const at = new Date(ISO);

const open: RecordChargebackOpened = { type: 'RecordChargebackOpened', paymentId: PAYMENT_ID, providerDisputeId: DISPUTE, amount: eur(4900), reason: 'fraudulent', at };
const close = (outcome: 'won' | 'lost'): RecordChargebackClosed => ({ ...open, type: 'RecordChargebackClosed', outcome });
const opened: PaymentEvent = {
  type: 'ChargebackOpened',
  data: { chargebackId: CHARGEBACK, paymentId: PAYMENT_ID, orderId: ORDER_ID, amount: eur(4900), provider: 'simulated', providerDisputeId: DISPUTE, reason: 'fraudulent', openedAt: ISO },
};
const closed = (outcome: 'won' | 'lost'): PaymentEvent => ({ type: 'ChargebackClosed', data: { chargebackId: CHARGEBACK, paymentId: PAYMENT_ID, orderId: ORDER_ID, amount: eur(4900), outcome, closedAt: ISO } });
const captured = [...events.initiated, events.captured()];

describe('chargebacks on a payment', () => {
  it('opens once per provider dispute, only on a captured payment', () => {
    spec.given(captured).when(open).then([opened]);
    spec.given([...captured, opened]).when(open).then([]);
    spec.given(events.initiated).when(open).then([]);
    spec.given([]).when(open).then([]);
  });

  it('closes won or lost once; a later report changes nothing', () => {
    spec.given([...captured, opened]).when(close('lost')).then([closed('lost')]);
    spec.given([...captured, opened]).when(close('won')).then([closed('won')]);
    spec.given([...captured, opened, closed('won')]).when(close('lost')).then([]);
    spec.given([...captured, opened, closed('won')]).when(open).then([]);
  });

  it('opens and closes at once when the opening was never reported', () => {
    spec.given(captured).when(close('lost')).then([opened, closed('lost')]);
  });

  it('leaves nothing to refund that a lost chargeback already gave back', () => {
    spec.given([...captured, opened, closed('lost')]).when(commands.refund('5b0e1c1e-0000-4000-8000-000000000001', eur(1))).then(RefundExceedsCapturedError);
    spec.given([...captured, opened, closed('won')]).when(commands.refund('5b0e1c1e-0000-4000-8000-000000000001', eur(4900))).then([events.refundRequested('5b0e1c1e-0000-4000-8000-000000000001', eur(4900))]);
    spec.given([]).when(commands.refund('5b0e1c1e-0000-4000-8000-000000000001')).then(PaymentNotFoundError);
  });
});
