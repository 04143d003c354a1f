import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { createTransport, type Transporter } from 'nodemailer';
import type { ChannelSender } from '../../application/channel-senders';
import type { Delivery } from '../../domain/delivery';
import type { SendResult } from '../../domain/delivery-outcome';
import { mailMessage } from './mail-message';

/**
 * With no SMTP server configured, each mail is written as `<time>-<delivery id>.eml` under the mail
 * directory: a complete RFC 5322 message that any mail program opens.
 */
export class FileEmailSender implements ChannelSender {
  private readonly transport: Transporter;
  readonly directory: string;

  constructor(directory: string, private readonly from: string) {
    this.directory = resolve(directory);
    this.transport = createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  }

  async send(delivery: Delivery): Promise<SendResult> {
    try {
      const info = (await this.transport.sendMail(mailMessage(delivery, this.from))) as { message: Buffer };
      await mkdir(this.directory, { recursive: true });
      const stamp = delivery.createdAt.toISOString().replace(/[:.]/g, '-');
      await writeFile(join(this.directory, `${stamp}-${delivery.id}.eml`), info.message);
      return { status: 'sent' };
    } catch (error) {
      return { status: 'failed', permanent: false, error: `could not write the mail file: ${(error as Error).message}` };
    }
  }
}
