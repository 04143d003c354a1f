import { SimulatedMobileMoneyProvider, simulatedPushId } from './simulated-mobile-money-provider';

const provider = new SimulatedMobileMoneyProvider();
const paymentId = '0b6f1a3e-6a3c-4f7e-9d52-1f0f6a9b7c11';
const amount = { amount: 50_000, currency: 'TZS' };
const held = (phone: string) => ({
  paymentId,
  providerPaymentId: simulatedPushId(paymentId),
  paymentMethod: { type: 'mobile_money' as const, provider: 'tigopesa' as const, phone },
  amount,
  idempotencyKey: 'k',
});

describe('the simulated mobile money network', () => {
  it('sends a push, whatever the number', async () => {
    const request = { paymentId, orderId: paymentId, amount, paymentMethod: held('+255700001032').paymentMethod, idempotencyKey: 'k' };
    expect(await provider.charge(request)).toEqual({ kind: 'requires_action', providerPaymentId: 'mm_sim_0b6f1a3e6a3c4f7e9d521f0f6a9b7c11', nextActionType: 'mobile_money_push' });
  });

  it.each([
    ['+255712345678', { kind: 'captured', amount }],
    ['+255700001032', { kind: 'declined', failureCode: 'cancelled_by_user' }],
    ['+255700000001', { kind: 'declined', failureCode: 'insufficient_funds' }],
    ['+255700002001', { kind: 'declined', failureCode: 'wrong_pin' }],
    ['+255700001037', { kind: 'declined', failureCode: 'unreachable' }],
    ['+255700001019', { kind: 'requires_action', nextActionType: 'mobile_money_push' }],
  ])('answers the status query for %s as its test number says', async (phone, outcome) => {
    expect(await provider.retrieve(held(phone))).toMatchObject(outcome);
  });

  it('abandons an unanswered push when cancelled, but reports a payment the buyer approved', async () => {
    expect(await provider.cancel(held('+255700001019'))).toMatchObject({ kind: 'declined', failureCode: 'canceled' });
    expect(await provider.cancel(held('+255712345678'))).toMatchObject({ kind: 'captured' });
  });
});
