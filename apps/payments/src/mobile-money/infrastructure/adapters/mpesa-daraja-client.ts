import type { Clock } from '@marketplace/kernel';
import { ProviderUnavailableError } from '../../../payments/application/payment-provider';
import type { DarajaSettings } from './adapter-settings';

const TIMEOUT_MS = 15_000;
/** A token is renewed this long before Daraja says it expires, so no request carries a stale one. */
const RENEW_BEFORE_MS = 60_000;

export interface DarajaAnswer {
  status: number;
  body: Record<string, unknown>;
}

/**
 * Daraja over HTTP with its OAuth client-credentials token, cached until shortly before it expires and
 * fetched again once after a 401. Network failures and 5xx without a Daraja error body are transient.
 */
export class DarajaClient {
  private token?: { value: string; renewAt: number };

  constructor(
    private readonly settings: DarajaSettings,
    private readonly clock: Clock,
  ) {}

  async post(path: string, body: object): Promise<DarajaAnswer> {
    const answer = await this.send(path, body, await this.accessToken());
    if (answer.status !== 401) return answer;
    this.token = undefined;
    return this.send(path, body, await this.accessToken());
  }

  private async accessToken(): Promise<string> {
    if (this.token && this.clock.now().getTime() < this.token.renewAt) return this.token.value;
    const basic = Buffer.from(`${this.settings.consumerKey}:${this.settings.consumerSecret}`).toString('base64');
    const answer = await this.request('/oauth/v1/generate?grant_type=client_credentials', { method: 'GET', headers: { authorization: `Basic ${basic}` } });
    const { access_token: value, expires_in: expiresIn } = answer.body;
    if (answer.status !== 200 || typeof value !== 'string') throw new ProviderUnavailableError(`M-Pesa token refused (HTTP ${answer.status})`);
    this.token = { value, renewAt: this.clock.now().getTime() + Number(expiresIn ?? 0) * 1000 - RENEW_BEFORE_MS };
    return value;
  }

  private send(path: string, body: object, token: string): Promise<DarajaAnswer> {
    return this.request(path, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  }

  private async request(path: string, init: RequestInit): Promise<DarajaAnswer> {
    let response: Response;
    try {
      response = await fetch(`${this.settings.apiBase}${path}`, { ...init, signal: AbortSignal.timeout(TIMEOUT_MS) });
    } catch (error) {
      throw new ProviderUnavailableError(`M-Pesa unreachable: ${(error as Error).message}`, error);
    }
    const text = await response.text();
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : {};
    } catch {
      body = undefined;
    }
    if (typeof body !== 'object' || body === null) throw new ProviderUnavailableError(`M-Pesa answered HTTP ${response.status} without JSON`);
    return { status: response.status, body: body as Record<string, unknown> };
  }
}
