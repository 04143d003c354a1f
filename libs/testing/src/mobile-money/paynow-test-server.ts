import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MerchantPosts } from './merchant-posts';

/** What the buyer does with a PayNow push: the status PayNow ends on, and how the status update comes. */
export interface PaynowScenario {
  status: 'Paid' | 'Cancelled' | 'Failed';
  /** `none`: no status update (only the poll URL tells); `twice`: a duplicate. Default `once`. */
  update?: 'once' | 'twice' | 'none';
  /** The amount PayNow reports, when not the one initiated (`12.50`). */
  paidAmount?: string;
}

export interface PaynowTransaction {
  reference: string;
  paynowReference: string;
  guid: string;
  amount: string;
  phone: string;
  method: string;
  resultUrl: string;
  scenario: PaynowScenario;
}

/** PayNow's hash: SHA-512 of the values in order (without `hash`) and the integration key, upper-case hex. */
export function paynowTestHash(fields: ReadonlyArray<[string, string]>, key: string): string {
  return createHash('sha512').update(fields.filter(([name]) => name !== 'hash').map(([, value]) => value).join('') + key).digest('hex').toUpperCase();
}

const signed = (fields: Array<[string, string]>, key: string) => new URLSearchParams([...fields, ['hash', paynowTestHash(fields, key)]]).toString();

/**
 * A local server shaped like PayNow's express checkout (`/interface/remotetransaction`, the poll URL),
 * hashing and checking hashes as PayNow does, that posts status updates to each transaction's
 * `resulturl`. The buyer's behaviour is set per phone (local form, 0771234567; default: pays).
 */
export class PaynowTestServer {
  readonly transactions: PaynowTransaction[] = [];
  /** The status updates posted, by PayNow reference. */
  readonly updates = new MerchantPosts();
  polls = 0;
  private readonly scenarios = new Map<string, PaynowScenario>();
  private readonly server: Server = createServer((request, response) => void this.route(request, response));

  private constructor(
    readonly integrationId: string,
    readonly integrationKey: string,
  ) {}

  static async start(): Promise<PaynowTestServer> {
    const paynow = new PaynowTestServer('12345', randomUUID());
    await new Promise<void>((resolve) => paynow.server.listen(0, '127.0.0.1', resolve));
    return paynow;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  scenario(phone: string, scenario: PaynowScenario): void {
    this.scenarios.set(phone, scenario);
  }

  transactionOf(phone: string): PaynowTransaction | undefined {
    return this.transactions.find((transaction) => transaction.phone === phone);
  }

  /** The status message of a transaction as PayNow sends it (status update and poll), hashed. */
  statusFields(transaction: PaynowTransaction, status = transaction.scenario.status as string): Array<[string, string]> {
    return [
      ['reference', transaction.reference],
      ['paynowreference', transaction.paynowReference],
      ['amount', transaction.scenario.paidAmount ?? transaction.amount],
      ['status', status],
      ['pollurl', `${this.url}/Interface/CheckPayment/?guid=${transaction.guid}`],
    ];
  }

  statusBody(transaction: PaynowTransaction, fields = this.statusFields(transaction)): string {
    return signed(fields, this.integrationKey);
  }

  /** Posts a form body to the transaction's result URL; the answer's status is recorded. */
  postUpdate(transaction: PaynowTransaction, body = this.statusBody(transaction)): Promise<number> {
    return this.updates.post(transaction.paynowReference, transaction.resultUrl, 'application/x-www-form-urlencoded', body);
  }

  async close(): Promise<void> {
    await this.updates.idle();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', this.url);
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const fields = [...new URLSearchParams(Buffer.concat(chunks).toString('utf8')).entries()];
    if (request.method === 'POST' && url.pathname.toLowerCase() === '/interface/remotetransaction') return this.initiate(fields, response);
    if (request.method === 'POST' && url.pathname === '/Interface/CheckPayment/') return this.poll(url.searchParams.get('guid'), response);
    response.writeHead(404).end();
  }

  private initiate(fields: Array<[string, string]>, response: ServerResponse): void {
    const form = new Map(fields);
    const error = (message: string): void => void response.writeHead(200, { 'content-type': 'application/x-www-form-urlencoded' }).end(new URLSearchParams({ status: 'Error', error: message }).toString());
    if (form.get('id') !== this.integrationId) return error('Invalid Id.');
    if (form.get('hash') !== paynowTestHash(fields, this.integrationKey)) return error('Hashes do not match');
    if (!/^\d+\.\d{2}$/.test(form.get('amount') ?? '') || !/^07\d{8}$/.test(form.get('phone') ?? '') || !form.get('authemail')) return error('Invalid amount, phone or authemail');
    const transaction: PaynowTransaction = {
      reference: form.get('reference') ?? '',
      // Unique per transaction (a random part below the step): two alike would make one's update a duplicate of the other's.
      paynowReference: String(10_000_000 + this.transactions.length * 1000 + Math.floor(Math.random() * 1000)),
      guid: randomBytes(16).toString('hex'),
      amount: form.get('amount') ?? '',
      phone: form.get('phone') ?? '',
      method: form.get('method') ?? '',
      resultUrl: form.get('resulturl') ?? '',
      scenario: this.scenarios.get(form.get('phone') ?? '') ?? { status: 'Paid' },
    };
    this.transactions.push(transaction);
    const answer: Array<[string, string]> = [
      ['status', 'Ok'],
      ['instructions', 'Dial *151*2*4# and enter your EcoCash PIN'],
      ['paynowreference', transaction.paynowReference],
      ['pollurl', `${this.url}/Interface/CheckPayment/?guid=${transaction.guid}`],
    ];
    response.writeHead(200, { 'content-type': 'application/x-www-form-urlencoded' }).end(signed(answer, this.integrationKey));
    this.schedule(transaction);
  }

  private schedule(transaction: PaynowTransaction): void {
    const { update = 'once' } = transaction.scenario;
    if (update === 'none') return;
    this.updates.later(300, update === 'twice' ? 2 : 1, () => this.postUpdate(transaction));
  }

  private poll(guid: string | null, response: ServerResponse): void {
    this.polls += 1;
    const transaction = this.transactions.find((candidate) => candidate.guid === guid);
    if (!transaction) return void response.writeHead(404).end();
    response.writeHead(200, { 'content-type': 'application/x-www-form-urlencoded' }).end(this.statusBody(transaction));
  }
}
