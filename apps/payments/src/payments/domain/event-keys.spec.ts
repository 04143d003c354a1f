import { nameBasedId } from '@marketplace/kernel';
import { eur, events, PAYMENT_ID } from '../../../test/fixtures/payment-history';
import { automaticRefundId } from './automatic-refund';
import { eventKey } from './event-keys';

describe('event keys', () => {
  it('name every event of a long payment history differently, so their derived ids never collide', () => {
    const [R1, R2] = ['1d3c5e7a-0000-4000-8000-000000000001', automaticRefundId(PAYMENT_ID)];
    const history = [
      ...events.initiated,
      events.requiresAction,
      events.failed('canceled'),
      events.cancellationNoted,
      events.captured(),
      events.refundRequested(R1, eur(100)),
      events.refundIssued(R1, eur(100)),
      events.refundRequested(R2, eur(4800)),
      events.refundIssued(R2, eur(4800)),
    ];
    const ids = history.map((event) => nameBasedId(PAYMENT_ID, eventKey(event)));
    expect(new Set(ids).size).toBe(history.length);
  });

  it('give the same event the same key on every retry', () => {
    expect(eventKey(events.refundRequested(automaticRefundId(PAYMENT_ID), eur(4900)))).toBe(eventKey(events.refundRequested(automaticRefundId(PAYMENT_ID), eur(4900))));
    expect(eventKey(events.captured())).toBe('PaymentCaptured');
  });
});
