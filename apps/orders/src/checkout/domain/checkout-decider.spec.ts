import { deciderSpecification } from '@marketplace/event-store';
import { at, ids } from '../../../test/fixtures/order-fixtures';
import { orderCommandFor } from './checkout-commands';
import { checkoutDecider } from './checkout-decider';
import type { CheckoutEvent } from './checkout-events';
import type { CheckoutInput } from './checkout-inputs';

const spec = deciderSpecification(checkoutDecider);
const { order: orderId, payment: paymentId } = ids;
const input = {
  reserved: { type: 'StockReserved', inputId: 'e-reserved', orderId, newPaymentId: paymentId, at: at(1) },
  short: { type: 'StockReservationFailed', inputId: 'e-short', orderId, shortProductIds: [ids.scarf], at: at(1) },
  captured: { type: 'PaymentCaptured', inputId: 'e-captured', orderId, paymentId, at: at(2) },
  declined: { type: 'PaymentFailed', inputId: 'e-declined', orderId, paymentId, failureCode: 'card_declined', at: at(2) },
  overdue: { type: 'PaymentDeadlinePassed', inputId: 'deadline', orderId, at: at(15) },
} satisfies Record<string, CheckoutInput>;

const secured: CheckoutEvent = { type: 'StockSecured', data: { orderId, inputId: 'e-reserved', paymentId, at: at(1) } };
const settled: CheckoutEvent = { type: 'PaymentSettled', data: { orderId, inputId: 'e-captured', paymentId, at: at(2) } };
const declined: CheckoutEvent = { type: 'PaymentDeclined', data: { orderId, inputId: 'e-declined', paymentId, failureCode: 'card_declined', at: at(2) } };
const overdue: CheckoutEvent = { type: 'PaymentOverdue', data: { orderId, inputId: 'deadline', at: at(15) } };
const unavailable: CheckoutEvent = { type: 'StockUnavailable', data: { orderId, inputId: 'e-short', shortProductIds: [ids.scarf], at: at(1) } };

describe('Checkout process manager', () => {
  it('requests payment once the stock is reserved', () => {
    spec.given([]).when(input.reserved).then([secured]);
    expect(orderCommandFor(secured)).toEqual({ type: 'RequestPayment', paymentId, at: at(1) });
  });

  it('cancels as out of stock when the reservation failed', () => {
    spec.given([]).when(input.short).then([unavailable]);
    expect(orderCommandFor(unavailable)).toMatchObject({ type: 'CancelByCheckout', reason: 'out_of_stock' });
  });

  it('confirms on the capture of the requested payment, cancels on its failure', () => {
    spec.given([secured]).when(input.captured).then([settled]);
    expect(orderCommandFor(settled)).toEqual({ type: 'ConfirmOrder', paymentId, at: at(2) });
    spec.given([secured]).when(input.declined).then([declined]);
    expect(orderCommandFor(declined)).toEqual({ type: 'CancelByCheckout', reason: 'payment_failed', detail: 'card_declined', at: at(2) });
  });

  it('cancels when the payment deadline passes before a capture, before or after the reservation', () => {
    spec.given([secured]).when(input.overdue).then([overdue]);
    spec.given([]).when(input.overdue).then([overdue]);
    expect(orderCommandFor(overdue)).toEqual({ type: 'CancelByCheckout', reason: 'payment_timeout', at: at(15) });
  });

  it('answers a redelivered input with nothing', () => {
    spec.given([secured]).when(input.reserved).then([]);
    spec.given([secured, settled]).when(input.captured).then([]);
  });

  it('ignores late and out-of-place inputs', () => {
    spec.given([secured, settled]).when(input.overdue).then([]);
    spec.given([secured, overdue]).when(input.captured).then([]);
    spec.given([secured, declined]).when({ ...input.captured, inputId: 'e-late' }).then([]);
    spec.given([]).when(input.captured).then([]);
    spec.given([secured]).when({ ...input.captured, paymentId: ids.refund }).then([]);
    spec.given([unavailable]).when(input.reserved).then([]);
  });

  it('names at most 20 products in an out-of-stock detail', () => {
    const many = { ...unavailable, data: { ...unavailable.data, shortProductIds: Array.from({ length: 50 }, () => ids.scarf) } } as CheckoutEvent;
    const command = orderCommandFor(many);
    expect(command).toMatchObject({ type: 'CancelByCheckout', detail: expect.stringMatching(/ and 30 more$/) });
  });
});
