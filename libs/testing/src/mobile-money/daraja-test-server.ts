import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MerchantPosts } from './merchant-posts';
import { STK_RESULT_DESCRIPTIONS, type StkPushRequest, stkPushProblem, type StkScenario } from './daraja-scenarios';

export interface DarajaCredentials {
  consumerKey: string;
  consumerSecret: string;
  shortcode: string;
  passkey: string;
}

export interface StkPush {
  checkoutRequestId: string;
  merchantRequestId: string;
  /** The M-Pesa receipt number a success gets (its callbacks report it; statements print it). */
  receipt: string;
  request: StkPushRequest;
  scenario: StkScenario;
}

/**
 * A local server shaped like Safaricom's Daraja API (OAuth token, STK push, STK push query) that posts
 * STK callbacks to each push's CallBackURL. The buyer's behaviour is set per phone number (default: pays
 * at once); `callbackBody` and `postCallback` let a test send late, duplicate or tampered callbacks itself.
 */
export class DarajaTestServer {
  readonly pushes: StkPush[] = [];
  /** The callbacks posted, by CheckoutRequestID. */
  readonly callbacks = new MerchantPosts();
  tokensIssued = 0;
  queries = 0;
  private readonly scenarios = new Map<string, StkScenario>();
  private readonly tokens = new Set<string>();
  private readonly server: Server = createServer((request, response) => void this.route(request, response));

  private constructor(readonly credentials: DarajaCredentials) {}

  static async start(credentials: Partial<DarajaCredentials> = {}): Promise<DarajaTestServer> {
    const daraja = new DarajaTestServer({ consumerKey: 'test-consumer-key', consumerSecret: 'test-consumer-secret', shortcode: '174379', passkey: 'test-passkey', ...credentials });
    await new Promise<void>((resolve) => daraja.server.listen(0, '127.0.0.1', resolve));
    return daraja;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** How the buyer with this number (E.164 without `+`, e.g. 254712345678) answers every push. */
  scenario(phone: string, scenario: StkScenario): void {
    this.scenarios.set(phone.replace(/^\+/, ''), scenario);
  }

  pushTo(phone: string): StkPush | undefined {
    return this.pushes.find((push) => push.request.PhoneNumber === phone.replace(/^\+/, ''));
  }

  /** The callback Daraja posts for a push, with the scenario's result; `paidAmount` overrides the shillings reported. */
  callbackBody(push: StkPush, resultCode = push.scenario.resultCode, paidAmount = push.scenario.paidAmount ?? push.request.Amount) {
    const stkCallback = {
      MerchantRequestID: push.merchantRequestId,
      CheckoutRequestID: push.checkoutRequestId,
      ResultCode: resultCode,
      ResultDesc: STK_RESULT_DESCRIPTIONS[resultCode] ?? 'Unknown result',
      ...(resultCode === 0
        ? {
            CallbackMetadata: {
              Item: [
                { Name: 'Amount', Value: paidAmount },
                { Name: 'MpesaReceiptNumber', Value: push.receipt },
                { Name: 'Balance' },
                { Name: 'TransactionDate', Value: Number(new Date().toISOString().replace(/\D/g, '').slice(0, 14)) },
                { Name: 'PhoneNumber', Value: Number(push.request.PhoneNumber) },
              ],
            },
          }
        : {}),
    };
    return { Body: { stkCallback } };
  }

  /** Posts a callback body to the push's CallBackURL now; the answer's status is recorded. */
  postCallback(push: StkPush, body: unknown = this.callbackBody(push)): Promise<number> {
    return this.callbacks.post(push.checkoutRequestId, push.request.CallBackURL, 'application/json', JSON.stringify(body));
  }

  async close(): Promise<void> {
    await this.callbacks.idle();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = (request.url ?? '').split('?')[0];
    if (request.method === 'GET' && path === '/oauth/v1/generate') return this.token(request, response);
    if (request.method !== 'POST') return send(response, 404, { errorCode: '404.001.01', errorMessage: 'Resource not found' });
    if (!this.tokens.has((request.headers.authorization ?? '').replace(/^Bearer /, ''))) return send(response, 401, { errorCode: '404.001.03', errorMessage: 'Invalid Access Token' });
    const body = await readJson(request);
    if (path === '/mpesa/stkpush/v1/processrequest') return this.stkPush(body as Partial<StkPushRequest>, response);
    if (path === '/mpesa/stkpushquery/v1/query') return this.query(body as { CheckoutRequestID?: string }, response);
    return send(response, 404, { errorCode: '404.001.01', errorMessage: 'Resource not found' });
  }

  private token(request: IncomingMessage, response: ServerResponse): void {
    const { consumerKey, consumerSecret } = this.credentials;
    if (request.headers.authorization !== `Basic ${Buffer.from(`${consumerKey}:${consumerSecret}`).toString('base64')}`) {
      return send(response, 400, { errorCode: '400.008.01', errorMessage: 'Invalid Authentication passed' });
    }
    const token = randomBytes(16).toString('hex');
    this.tokens.add(token);
    this.tokensIssued += 1;
    send(response, 200, { access_token: token, expires_in: '3599' });
  }

  private stkPush(body: Partial<StkPushRequest>, response: ServerResponse): void {
    const problem = stkPushProblem(body, this.credentials.shortcode, this.credentials.passkey);
    if (problem) return send(response, 400, { requestId: randomUUID(), errorCode: '400.002.02', errorMessage: `Bad Request - ${problem}` });
    const request = body as StkPushRequest;
    const push: StkPush = {
      checkoutRequestId: `ws_CO_${randomBytes(10).toString('hex')}`,
      merchantRequestId: `${randomBytes(4).toString('hex')}-${this.pushes.length + 1}`,
      receipt: randomBytes(5).toString('hex').toUpperCase(),
      request,
      scenario: this.scenarios.get(request.PhoneNumber) ?? { resultCode: 0 },
    };
    this.pushes.push(push);
    send(response, 200, {
      MerchantRequestID: push.merchantRequestId,
      CheckoutRequestID: push.checkoutRequestId,
      ResponseCode: '0',
      ResponseDescription: 'Success. Request accepted for processing',
      CustomerMessage: 'Success. Request accepted for processing',
    });
    this.schedule(push);
  }

  private schedule(push: StkPush): void {
    const { callback = 'once', delayMs = 300, unanswered } = push.scenario;
    if (callback === 'none' || unanswered) return;
    this.callbacks.later(delayMs, callback === 'twice' ? 2 : 1, () => this.postCallback(push));
  }

  private query(body: { CheckoutRequestID?: string }, response: ServerResponse): void {
    this.queries += 1;
    const push = this.pushes.find((candidate) => candidate.checkoutRequestId === body.CheckoutRequestID);
    if (!push) return send(response, 400, { requestId: randomUUID(), errorCode: '400.002.02', errorMessage: 'Bad Request - Invalid CheckoutRequestID' });
    if (push.scenario.unanswered) return send(response, 500, { requestId: randomUUID(), errorCode: '500.001.1001', errorMessage: 'The transaction is being processed' });
    send(response, 200, {
      ResponseCode: '0',
      ResponseDescription: 'The service request has been accepted successsfully',
      MerchantRequestID: push.merchantRequestId,
      CheckoutRequestID: push.checkoutRequestId,
      ResultCode: String(push.scenario.resultCode),
      ResultDesc: STK_RESULT_DESCRIPTIONS[push.scenario.resultCode] ?? 'Unknown result',
    });
  }
}

function send(response: ServerResponse, status: number, body: object): void {
  response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
  } catch {
    return {};
  }
}
