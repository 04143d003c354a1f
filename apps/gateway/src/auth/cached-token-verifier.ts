import type { AuthenticatedUser } from '@marketplace/auth';
import { decodeJwt } from 'jose';
import type { TokenVerifier } from './token-verifier';

export interface TokenCacheOptions {
  /** Verified tokens kept at most; the oldest is forgotten first. */
  maxEntries: number;
  /** A token is verified again at least this often, even when it expires later. */
  ttlMs: number;
  now?: () => number;
}

interface Verified {
  user: AuthenticatedUser;
  /** Until when the answer may be reused: the token's `exp`, at most `ttlMs` after it was verified. */
  reuseUntil: number;
}

/**
 * Remembers tokens that verified, by their exact string, until they expire (at most `ttlMs`; bounded to
 * `maxEntries`): a client sends the same token with every request for its 15 minutes, and checking an
 * Ed25519 signature each time was the gateway's largest cost. Only successes are kept: a rejected, expired
 * or not-yet-checked token always goes to the verifier, which answers it exactly as before. The same
 * string is the same signed claims, so the answer cannot differ while the token is unexpired, except
 * that a key withdrawn from identity's key set is noticed up to `ttlMs` later (the verifier itself keeps
 * the key set for up to 10 minutes; services verify tokens again themselves).
 */
export class CachedTokenVerifier implements TokenVerifier {
  private readonly verified = new Map<string, Verified>();
  private readonly now: () => number;

  constructor(
    private readonly inner: TokenVerifier,
    private readonly options: TokenCacheOptions,
  ) {
    this.now = options.now ?? Date.now;
  }

  async verify(token: string): Promise<AuthenticatedUser> {
    const cached = this.verified.get(token);
    if (cached) {
      if (cached.reuseUntil > this.now()) return cached.user;
      this.verified.delete(token);
    }
    const user = await this.inner.verify(token);
    this.remember(token, user);
    return user;
  }

  /** How many verified tokens are held (tests, metrics). */
  get size(): number {
    return this.verified.size;
  }

  private remember(token: string, user: AuthenticatedUser): void {
    const now = this.now();
    const expiresAt = expiryOf(token);
    const reuseUntil = Math.min(expiresAt ?? 0, now + this.options.ttlMs);
    if (reuseUntil <= now) return;
    // Full: forget the oldest (a Map keeps insertion order). Entries live `ttlMs` at most, so the oldest is
    // also about the first to expire; expired ones are dropped when next asked for.
    if (this.verified.size >= this.options.maxEntries) this.verified.delete(this.verified.keys().next().value as string);
    // Frozen: every later request of this token shares the object.
    this.verified.set(token, { user: Object.freeze({ ...user, roles: Object.freeze([...user.roles]) as AuthenticatedUser['roles'] }), reuseUntil });
  }
}

/** The `exp` of a token the verifier accepted, in milliseconds; undefined if it has none. */
function expiryOf(token: string): number | undefined {
  const { exp } = decodeJwt(token);
  return typeof exp === 'number' ? exp * 1000 : undefined;
}
