import { randomBytes } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import type { HttpClient } from './http-client';

export interface Credentials {
  email: string;
  password: string;
  name: string;
}

export interface Session {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

export interface SignedIn {
  id: string;
  credentials: Credentials;
  session: Session;
}

/** A new person's sign-up details: a unique address and a password no policy refuses. */
export function newCredentials(prefix = 'user'): Credentials {
  const tag = randomBytes(5).toString('hex');
  return { email: `${prefix}-${tag}@example.com`, password: `Correct-Horse-${randomBytes(9).toString('base64url')}`, name: `${prefix} ${tag}` };
}

export function expectOk(answer: { status: number; text: string }, status: number, what: string): void {
  if (answer.status !== status) throw new Error(`${what}: expected ${status}, got ${answer.status}: ${answer.text}`);
}

export async function login(api: HttpClient, email: string, password: string): Promise<Session> {
  const answer = await api.post('/auth/login', { email, password });
  expectOk(answer, 200, `login of ${email}`);
  return answer.body as Session;
}

/** Registers through `api`, logs in and reads /me for the user's id. */
export async function registerAndLogin(api: HttpClient, credentials: Credentials = newCredentials()): Promise<SignedIn> {
  expectOk(await api.post('/auth/register', credentials), 201, `register ${credentials.email}`);
  const session = await login(api, credentials.email, credentials.password);
  const me = await api.get('/me', session.accessToken);
  expectOk(me, 200, `GET /me of ${credentials.email}`);
  return { id: (me.body as { id: string }).id, credentials, session };
}

export function sellerApplication(tag = randomBytes(3).toString('hex')): Record<string, unknown> {
  return { businessName: `Shop ${tag}`, contact: { email: `shop-${tag}@example.com` }, country: 'DE' };
}

/** A buyer who applied to sell and was approved by the admin, logged in again so the token carries the seller role. */
export async function makeSeller(api: HttpClient, adminToken: string): Promise<SignedIn & { applicationId: string }> {
  const user = await registerAndLogin(api, newCredentials('seller'));
  const applied = await api.post('/sellers/applications', sellerApplication(), user.session.accessToken);
  expectOk(applied, 201, 'seller application');
  const applicationId = (applied.body as { id: string }).id;
  expectOk(await api.post(`/admin/seller-applications/${applicationId}/approve`, {}, adminToken), 200, 'approval');
  const session = await login(api, user.credentials.email, user.credentials.password);
  return { ...user, session, applicationId };
}

/** What an authenticator app shows for `secret` `stepsAhead` 30-second steps from now (identity's TOTP: SHA-1, 6 digits). */
export function totpCode(secret: string, stepsAhead = 0): string {
  return TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: Date.now() + stepsAhead * 30_000 });
}
