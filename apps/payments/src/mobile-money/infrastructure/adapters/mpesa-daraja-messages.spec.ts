import { darajaPassword, darajaTimestamp, stkCallbackBody, stkCallbackOutcome, wholeShillings } from './mpesa-daraja-messages';
import { stkResultOutcome } from './mpesa-daraja-results';

const callback = (ResultCode: number, amount?: number | string) =>
  stkCallbackBody.parse({
    Body: {
      stkCallback: {
        MerchantRequestID: '29115-34620561-1',
        CheckoutRequestID: 'ws_CO_191220191020363925',
        ResultCode,
        ResultDesc: ResultCode === 0 ? 'The service request is processed successfully.' : 'Request cancelled by user',
        ...(amount === undefined ? {} : { CallbackMetadata: { Item: [{ Name: 'Amount', Value: amount }, { Name: 'MpesaReceiptNumber', Value: 'NLJ7RT61SV' }, { Name: 'Balance' }] } }),
      },
    },
  }).Body.stkCallback;

describe("Daraja's messages", () => {
  it('stamps requests in Kenyan time and derives the password from shortcode, passkey and timestamp', () => {
    expect(darajaTimestamp(new Date('2026-03-01T22:05:09.123Z'))).toBe('20260302010509');
    expect(darajaPassword('174379', 'passkey', '20260302010509')).toBe(Buffer.from('174379passkey20260302010509').toString('base64'));
  });

  it('sends whole shillings', () => {
    expect(wholeShillings({ amount: 150_000, currency: 'KES' })).toBe(1500);
  });

  it('reads a success callback as a capture of the shillings it reports, in cents', () => {
    expect(stkCallbackOutcome(callback(0, 1500))).toEqual({ kind: 'captured', providerPaymentId: 'ws_CO_191220191020363925', amount: { amount: 150_000, currency: 'KES' }, receipt: 'NLJ7RT61SV' });
    expect(stkCallbackOutcome(callback(0, 1.5))).toMatchObject({ amount: { amount: 150, currency: 'KES' } });
  });

  it('never reads an amount that is not money as the payment: it cannot match', () => {
    expect(stkCallbackOutcome(callback(0, 1.005))).toMatchObject({ amount: { amount: 0 } });
    expect(stkCallbackOutcome(callback(0))).toMatchObject({ amount: { amount: 0 } });
  });

  it.each([
    [1032, 'cancelled_by_user'],
    [1, 'insufficient_funds'],
    [2001, 'wrong_pin'],
    [1037, 'unreachable'],
    [1019, 'expired'],
    [1025, 'declined'],
  ])('reads result code %i as %s, keeping the code', (code, failureCode) => {
    expect(stkResultOutcome('ws_1', code, 'said by Daraja', { amount: 100, currency: 'KES' })).toEqual({
      kind: 'declined',
      providerPaymentId: 'ws_1',
      failureCode,
      declineCode: `mpesa_${code}`,
      message: 'said by Daraja',
    });
  });

  it('refuses a body that is not an STK callback', () => {
    expect(stkCallbackBody.safeParse({ Body: { stkCallback: { CheckoutRequestID: 'ws_1' } } }).success).toBe(false);
  });
});
