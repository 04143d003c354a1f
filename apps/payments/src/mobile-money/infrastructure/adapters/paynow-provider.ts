import type { ChargeRequest, PaymentProviderPort, ProviderPaymentRef } from '../../../payments/application/payment-provider';
import { ProviderUnavailableError } from '../../../payments/application/payment-provider';
import type { ChargeOutcome, RefundOutcome } from '../../../payments/domain/provider-outcomes';
import { canceledOutcome } from '../../../payments/domain/provider-steps';
import { isMobileMoney, pushSent } from '../../domain/mobile-money-outcomes';
import type { PaynowSettings } from './adapter-settings';
import type { PaynowPollUrls } from '../paynow-poll-urls';
import { paynowAmount, paynowStatusOutcome, signedPaynowForm, verifiedPaynowMessage } from './paynow-messages';

const TIMEOUT_MS = 15_000;

/**
 * PayNow (Zimbabwe) through its express checkout: `remotetransaction` sends the push to the buyer's
 * EcoCash or OneMoney wallet; the verdict comes as a status update (`webhooks/paynow`) or from the poll
 * URL. Every message from PayNow is accepted only with its hash. Refunds are made in PayNow's portal.
 */
export class PaynowProvider implements PaymentProviderPort {
  readonly name = 'paynow';

  constructor(
    private readonly settings: PaynowSettings,
    private readonly pollUrls: PaynowPollUrls,
  ) {}

  async charge(request: ChargeRequest): Promise<ChargeOutcome> {
    if (!isMobileMoney(request.paymentMethod)) throw new Error('PayNow charges mobile money payment methods only');
    const local = `0${request.paymentMethod.phone.slice(4)}`;
    const answer = await this.post(`${this.settings.apiBase}/interface/remotetransaction`, [
      ['id', this.settings.integrationId],
      ['reference', request.paymentId],
      ['amount', paynowAmount(request.amount)],
      ['additionalinfo', `Order ${request.orderId}`],
      ['returnurl', this.settings.resultUrl],
      ['resulturl', this.settings.resultUrl],
      ['authemail', this.settings.authEmail],
      ['phone', local],
      // OneMoney numbers start 071; EcoCash takes the others.
      ['method', local.startsWith('071') ? 'onemoney' : 'ecocash'],
      ['status', 'Message'],
    ]);
    const reference = answer.get('paynowreference');
    const pollUrl = answer.get('pollurl');
    if (answer.get('status')?.toLowerCase() === 'ok' && reference && pollUrl) {
      await this.pollUrls.remember(reference, request.paymentId, pollUrl);
      return pushSent(reference);
    }
    return { kind: 'declined', failureCode: 'declined', declineCode: 'paynow_error', message: answer.get('error') ?? 'PayNow refused the transaction.' };
  }

  async retrieve(payment: ProviderPaymentRef): Promise<ChargeOutcome> {
    const pollUrl = await this.pollUrls.find(payment.providerPaymentId);
    if (!pollUrl) throw new ProviderUnavailableError(`no poll URL kept for PayNow reference ${payment.providerPaymentId}`);
    return paynowStatusOutcome(await this.post(pollUrl, []), payment.amount.currency);
  }

  async cancel(payment: ProviderPaymentRef): Promise<ChargeOutcome> {
    const outcome = await this.retrieve(payment);
    return outcome.kind === 'requires_action' ? canceledOutcome(payment.providerPaymentId) : outcome;
  }

  async refund(): Promise<RefundOutcome> {
    return { kind: 'failed', failureCode: 'refund_not_supported', message: "PayNow refunds are made in PayNow's portal." };
  }

  /** A signed form to PayNow; its answer must carry a valid hash (an error answer may carry none). */
  private async post(url: string, fields: Array<[string, string]>): Promise<Map<string, string>> {
    let text: string;
    try {
      const body = fields.length > 0 ? signedPaynowForm(fields, this.settings.integrationKey) : '';
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body, signal: AbortSignal.timeout(TIMEOUT_MS) });
      if (response.status >= 500) throw new Error(`HTTP ${response.status}`);
      text = await response.text();
    } catch (error) {
      throw new ProviderUnavailableError(`PayNow unreachable: ${(error as Error).message}`, error);
    }
    const verified = verifiedPaynowMessage(text, this.settings.integrationKey);
    if (verified) return verified;
    const unsigned = new Map([...new URLSearchParams(text).entries()].map(([name, value]) => [name.toLowerCase(), value]));
    if (unsigned.get('status')?.toLowerCase() === 'error') return unsigned;
    throw new ProviderUnavailableError('PayNow answered without a valid hash');
  }
}
