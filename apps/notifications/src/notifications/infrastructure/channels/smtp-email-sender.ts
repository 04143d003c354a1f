import { createTransport, type Transporter } from 'nodemailer';
import type { ChannelSender } from '../../application/channel-senders';
import type { Delivery } from '../../domain/delivery';
import type { SendResult } from '../../domain/delivery-outcome';
import { mailMessage } from './mail-message';

interface SmtpError {
  responseCode?: number;
  code?: string;
  message?: string;
}

/**
 * Email over SMTP (nodemailer, pooled connections). A 5xx reply (no such mailbox, message refused) is
 * permanent; a 4xx reply, a timeout or a lost connection is worth another attempt.
 */
export class SmtpEmailSender implements ChannelSender {
  private readonly transport: Transporter;

  constructor(url: string, private readonly from: string) {
    this.transport = createTransport(url.includes('?') ? `${url}&pool=true` : `${url}?pool=true`);
  }

  async send(delivery: Delivery): Promise<SendResult> {
    try {
      await this.transport.sendMail(mailMessage(delivery, this.from));
      return { status: 'sent' };
    } catch (caught) {
      const error = caught as SmtpError;
      const permanent = error.responseCode !== undefined && error.responseCode >= 500;
      return { status: 'failed', permanent, error: describe(error) };
    }
  }

  close(): void {
    this.transport.close();
  }
}

function describe(error: SmtpError): string {
  const text = [error.responseCode, error.code, error.message].filter((part) => part !== undefined).join(' ');
  return text.slice(0, 1000) || 'unknown SMTP error';
}
