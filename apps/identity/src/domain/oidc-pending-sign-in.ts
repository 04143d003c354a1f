/** A sign-in sent to a provider and not yet back: what its callback must match. Keyed by the hash of its `state`. */
export interface PendingOidcSignIn {
  provider: string;
  redirectUri: string;
  nonce: string;
  codeVerifier: string;
  expiresAt: Date;
  usedAt: Date | null;
}

/** Long enough to sign in at the provider (and maybe pass its own second factor), short enough to be useless later. */
export const OIDC_SIGN_IN_TTL_MS = 10 * 60 * 1000;

export function startOidcSignIn(input: { provider: string; redirectUri: string; nonce: string; codeVerifier: string; now: Date }): PendingOidcSignIn {
  const { now, ...rest } = input;
  return { ...rest, expiresAt: new Date(now.getTime() + OIDC_SIGN_IN_TTL_MS), usedAt: null };
}

/** A callback finishes its own provider's sign-in, once, before it expires. */
export function canFinish(pending: PendingOidcSignIn, provider: string, now: Date): boolean {
  return pending.provider === provider && pending.usedAt === null && pending.expiresAt.getTime() > now.getTime();
}
