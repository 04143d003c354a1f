import type { Clock } from '@marketplace/kernel';
import { type ChargeRequest, type PaymentProviderPort, type ProviderPaymentRef, ProviderUnavailableError } from '../../../payments/application/payment-provider';
import type { ChargeOutcome, RefundOutcome } from '../../../payments/domain/provider-outcomes';
import { canceledOutcome } from '../../../payments/domain/provider-steps';
import { isMobileMoney, pushSent } from '../../domain/mobile-money-outcomes';
import type { DarajaSettings } from './adapter-settings';
import { type DarajaAnswer, DarajaClient } from './mpesa-daraja-client';
import { darajaPassword, darajaTimestamp, wholeShillings } from './mpesa-daraja-messages';
import { stkResultOutcome } from './mpesa-daraja-results';

/** Daraja's answer to a status query while the buyer has not answered the push yet. */
const STILL_PROCESSING = '500.001.1001';

/**
 * M-Pesa through Safaricom's Daraja API: an STK push asks the buyer to approve on their phone; the
 * verdict comes by callback (`webhooks/mpesa/:token`) or by the STK status query. A push cannot be
 * withdrawn, and refunds (reversals) are not made through this adapter: an admin makes them in the
 * M-Pesa portal.
 */
export class MpesaDarajaProvider implements PaymentProviderPort {
  readonly name = 'mpesa';
  private readonly client: DarajaClient;

  constructor(
    private readonly settings: DarajaSettings,
    private readonly clock: Clock,
  ) {
    this.client = new DarajaClient(settings, clock);
  }

  async charge(request: ChargeRequest): Promise<ChargeOutcome> {
    if (!isMobileMoney(request.paymentMethod)) throw new Error('M-Pesa charges mobile money payment methods only');
    const phone = request.paymentMethod.phone.slice(1);
    const answer = await this.client.post('/mpesa/stkpush/v1/processrequest', {
      ...this.credentials(),
      TransactionType: 'CustomerPayBillOnline',
      Amount: wholeShillings(request.amount),
      PartyA: phone,
      PartyB: this.settings.shortcode,
      PhoneNumber: phone,
      CallBackURL: this.settings.callbackUrl,
      // Daraja's limits: 12 and 13 characters.
      AccountReference: request.orderId.replace(/-/g, '').slice(0, 12),
      TransactionDesc: 'Order payment',
    });
    const checkoutRequestId = answer.body.CheckoutRequestID;
    if (answer.status === 200 && String(answer.body.ResponseCode) === '0' && typeof checkoutRequestId === 'string') return pushSent(checkoutRequestId);
    if (answer.status >= 400 && answer.status < 500 && answer.status !== 401 && answer.status !== 429) {
      return { kind: 'declined', failureCode: 'declined', declineCode: `mpesa_${String(answer.body.errorCode ?? answer.status)}`, message: describe(answer) };
    }
    throw new ProviderUnavailableError(`M-Pesa STK push failed: ${describe(answer)}`);
  }

  async retrieve(payment: ProviderPaymentRef): Promise<ChargeOutcome> {
    const answer = await this.client.post('/mpesa/stkpushquery/v1/query', { ...this.credentials(), CheckoutRequestID: payment.providerPaymentId });
    if (answer.body.errorCode === STILL_PROCESSING) return pushSent(payment.providerPaymentId);
    const resultCode = Number(answer.body.ResultCode);
    if (answer.status !== 200 || answer.body.ResultCode === undefined || !Number.isInteger(resultCode)) {
      throw new ProviderUnavailableError(`M-Pesa status query failed: ${describe(answer)}`);
    }
    return stkResultOutcome(payment.providerPaymentId, resultCode, String(answer.body.ResultDesc ?? ''), payment.amount);
  }

  /** A push cannot be withdrawn: what the buyer did stands; still unanswered, it is abandoned as cancelled. */
  async cancel(payment: ProviderPaymentRef): Promise<ChargeOutcome> {
    const outcome = await this.retrieve(payment);
    return outcome.kind === 'requires_action' ? canceledOutcome(payment.providerPaymentId) : outcome;
  }

  async refund(): Promise<RefundOutcome> {
    return { kind: 'failed', failureCode: 'refund_not_supported', message: 'M-Pesa reversals are made in the M-Pesa portal.' };
  }

  private credentials() {
    const timestamp = darajaTimestamp(this.clock.now());
    return { BusinessShortCode: this.settings.shortcode, Password: darajaPassword(this.settings.shortcode, this.settings.passkey, timestamp), Timestamp: timestamp };
  }
}

function describe(answer: DarajaAnswer): string {
  const { errorMessage, ResponseDescription, ResultDesc } = answer.body;
  return `HTTP ${answer.status}: ${String(errorMessage ?? ResponseDescription ?? ResultDesc ?? 'no description')}`;
}
