import type { ChannelSender } from '../../application/channel-senders';
import type { Delivery } from '../../domain/delivery';
import type { SendResult } from '../../domain/delivery-outcome';

export interface TwilioSmsOptions {
  apiUrl: string;
  accountSid: string;
  authToken: string;
  from: string;
  timeoutMs?: number;
}

/**
 * SMS through an HTTP provider shaped like Twilio's Messages API: a form POST to
 * `/2010-04-01/Accounts/{sid}/Messages.json` with To, From and Body, basic auth. A 4xx answer (bad
 * number, refused) is permanent except 429; 5xx, 429 and network errors are retried.
 */
export class TwilioSmsSender implements ChannelSender {
  constructor(private readonly options: TwilioSmsOptions) {}

  async send(delivery: Delivery): Promise<SendResult> {
    const { apiUrl, accountSid, authToken, from } = this.options;
    const url = new URL(`/2010-04-01/Accounts/${encodeURIComponent(accountSid)}/Messages.json`, apiUrl);
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { authorization: `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString('base64')}`, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ To: delivery.address, From: from, Body: delivery.bodyText }),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
      });
      if (response.ok) return { status: 'sent' };
      const body = (await response.text()).slice(0, 500);
      const permanent = response.status >= 400 && response.status < 500 && response.status !== 429;
      return { status: 'failed', permanent, error: `SMS provider answered ${response.status}: ${body}` };
    } catch (error) {
      return { status: 'failed', permanent: false, error: `SMS provider unreachable: ${(error as Error).message}` };
    }
  }
}
