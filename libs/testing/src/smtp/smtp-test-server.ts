import { type ParsedMail, simpleParser } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string[];
  raw: Buffer;
  parsed: ParsedMail;
}

type Refusal = { code: number; message: string };

/**
 * A real SMTP server (the smtp-server package) on a free local port, as the receiving peer of tests.
 * It keeps what it accepts, and can refuse: the next n messages with a temporary 4xx, or every message
 * to an address with a permanent 5xx.
 */
export class SmtpTestServer {
  readonly received: ReceivedMail[] = [];
  readonly refusals: Array<{ to: string[]; code: number }> = [];
  private readonly refuseNextQueue: Refusal[] = [];
  private readonly refusedRecipients = new Map<string, Refusal>();

  private readonly server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData: (stream, session, callback) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => void this.accept(session.envelope.rcptTo.map((r) => r.address), Buffer.concat(chunks)).then(() => callback(), callback));
    },
  });
  private listeningPort = 0;

  static async start(): Promise<SmtpTestServer> {
    const smtp = new SmtpTestServer();
    await new Promise<void>((resolve) => smtp.server.listen(0, '127.0.0.1', resolve));
    smtp.listeningPort = (smtp.server.server.address() as AddressInfo).port;
    return smtp;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.listeningPort}`;
  }

  /** The next `count` messages get `code` (default 451, try again later). */
  refuseNext(count: number, code = 451): void {
    for (let i = 0; i < count; i++) this.refuseNextQueue.push({ code, message: 'Temporary local problem, try again later' });
  }

  /** Every message to `address` gets `code` (default 550, no such mailbox). */
  refuseRecipient(address: string, code = 550): void {
    this.refusedRecipients.set(address.toLowerCase(), { code, message: 'Mailbox unavailable' });
  }

  acceptRecipient(address: string): void {
    this.refusedRecipients.delete(address.toLowerCase());
  }

  mailsTo(address: string): ReceivedMail[] {
    return this.received.filter((mail) => mail.to.some((to) => to.toLowerCase() === address.toLowerCase()));
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async accept(to: string[], raw: Buffer): Promise<void> {
    const refusal = this.refuseNextQueue.shift() ?? to.map((address) => this.refusedRecipients.get(address.toLowerCase())).find(Boolean);
    if (refusal) {
      this.refusals.push({ to, code: refusal.code });
      throw Object.assign(new Error(refusal.message), { responseCode: refusal.code });
    }
    this.received.push({ to, raw, parsed: await simpleParser(raw) });
  }
}
