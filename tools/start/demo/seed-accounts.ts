import type { ApiClient } from './api-client';
import type { DemoAccount, DemoAccounts, DemoSeller } from './demo-accounts';

/** A signed-in demo account: its id and an access token. */
export interface Session {
  id: string;
  email: string;
  token: string;
}

export interface SeededAccounts {
  admin: Session;
  sellers: Session[];
  buyers: Session[];
}

/** Logs in and reads /me. */
export async function signIn(api: ApiClient, account: DemoAccount): Promise<Session & { roles: string[] }> {
  const { accessToken } = await api.expect<{ accessToken: string }>(200, `log in as ${account.email}`, '/auth/login', { json: { email: account.email, password: account.password } });
  const me = await api.expect<{ id: string; roles: string[] }>(200, `GET /me of ${account.email}`, '/me', { token: accessToken });
  return { id: me.id, email: account.email, token: accessToken, roles: me.roles };
}

/** Signs the account up unless it exists (409: registered by an earlier, interrupted seed), then signs in. */
export async function ensureUser(api: ApiClient, account: DemoAccount): Promise<Session & { roles: string[] }> {
  await api.expect([201, 409], `register ${account.email}`, '/auth/register', { json: { email: account.email, password: account.password, name: account.name } });
  return signIn(api, account);
}

/** A user who applied to sell and whom the admin approved; signed in again so the token carries the seller role. */
async function ensureSeller(api: ApiClient, admin: Session, seller: DemoSeller): Promise<Session> {
  const user = await ensureUser(api, seller);
  if (user.roles.includes('seller')) return user;
  const form = { businessName: seller.businessName, contact: { email: seller.email }, country: seller.country };
  await api.expect([201, 409], `seller application of ${seller.email}`, '/sellers/applications', { json: form, token: user.token });
  const open = await api.expect<{ items: { id: string; userId: string }[] }>(200, 'list seller applications', '/admin/seller-applications?status=submitted&limit=100', { token: admin.token });
  const application = open.items.find((item) => item.userId === user.id);
  if (!application) throw new Error(`no open seller application of ${seller.email} to approve`);
  await api.expect(200, `approve ${seller.email}`, `/admin/seller-applications/${application.id}/approve`, { json: {}, token: admin.token });
  return signIn(api, seller);
}

/**
 * The admin (identity's bootstrap account, so it only signs in), the approved sellers and the buyers.
 * Each step looks before it writes, so a seed interrupted half-way resumes without duplicates.
 */
export async function seedAccounts(api: ApiClient, accounts: DemoAccounts): Promise<SeededAccounts> {
  const admin = await signIn(api, accounts.admin);
  if (!admin.roles.includes('admin')) throw new Error(`${accounts.admin.email} is not an admin`);
  const [sellers, buyers] = await Promise.all([
    Promise.all(accounts.sellers.map((seller) => ensureSeller(api, admin, seller))),
    Promise.all(accounts.buyers.map((buyer) => ensureUser(api, buyer))),
  ]);
  return { admin, sellers, buyers };
}
