import type { AuthenticatedUser } from '@marketplace/auth';
import { UnauthenticatedError } from '@marketplace/platform';
import { CachedTokenVerifier } from './cached-token-verifier';
import type { TokenVerifier } from './token-verifier';

/** A token-shaped string whose payload carries `sub` and `exp` (seconds); the fake verifier below decides what is valid. */
function tokenFor(sub: string, expSeconds: number | undefined): string {
  const payload = Buffer.from(JSON.stringify({ sub, ...(expSeconds === undefined ? {} : { exp: expSeconds }) })).toString('base64url');
  return `eyJhbGciOiJFZERTQSJ9.${payload}.c2ln`;
}

describe('CachedTokenVerifier', () => {
  let now: number;
  let calls: string[];
  let rejected: Set<string>;
  const inner: TokenVerifier = {
    verify: async (token) => {
      calls.push(token);
      if (rejected.has(token)) throw new UnauthenticatedError('The access token signature is invalid.');
      const sub = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()).sub as string;
      return { id: sub, email: `${sub}@example.com`, roles: ['buyer'] } satisfies AuthenticatedUser;
    },
  };
  const verifier = (options: { maxEntries?: number; ttlMs?: number } = {}) => new CachedTokenVerifier(inner, { maxEntries: 100, ttlMs: 60_000, now: () => now, ...options });

  beforeEach(() => {
    now = 1_000_000_000_000;
    calls = [];
    rejected = new Set();
  });

  it('verifies a token once and answers its later requests from memory, with the same user', async () => {
    const cache = verifier();
    const token = tokenFor('u-1', now / 1000 + 900);
    const first = await cache.verify(token);
    const again = await cache.verify(token);
    expect(first).toEqual({ id: 'u-1', email: 'u-1@example.com', roles: ['buyer'] });
    expect(again).toEqual(first);
    expect(Object.isFrozen(again) && Object.isFrozen(again.roles)).toBe(true);
    expect(calls).toHaveLength(1);
  });

  it('verifies again once the token expires, and after ttlMs even when it expires later', async () => {
    const cache = verifier({ ttlMs: 60_000 });
    const shortLived = tokenFor('u-1', now / 1000 + 10);
    const longLived = tokenFor('u-2', now / 1000 + 900);
    await cache.verify(shortLived);
    await cache.verify(longLived);
    now += 9_999;
    await cache.verify(shortLived);
    expect(calls).toHaveLength(2);
    now += 1;
    rejected.add(shortLived); // the verifier says it expired
    await expect(cache.verify(shortLived)).rejects.toThrow(UnauthenticatedError);
    expect(calls).toHaveLength(3);
    now += 50_000;
    await cache.verify(longLived);
    expect(calls).toHaveLength(4);
  });

  it('never remembers a rejection: a rejected token is verified, and rejected, every time', async () => {
    const cache = verifier();
    const forged = tokenFor('admin', now / 1000 + 900);
    rejected.add(forged);
    await expect(cache.verify(forged)).rejects.toThrow('The access token signature is invalid.');
    await expect(cache.verify(forged)).rejects.toThrow('The access token signature is invalid.');
    expect(calls).toEqual([forged, forged]);
    expect(cache.size).toBe(0);
  });

  it('does not remember a token without exp or already past it (the verifier allows some clock skew)', async () => {
    const cache = verifier();
    await cache.verify(tokenFor('u-1', undefined));
    await cache.verify(tokenFor('u-2', now / 1000 - 2));
    expect(cache.size).toBe(0);
  });

  it('holds at most maxEntries tokens, forgetting the oldest first', async () => {
    const cache = verifier({ maxEntries: 2 });
    const [a, b, c] = ['a', 'b', 'c'].map((sub) => tokenFor(sub, now / 1000 + 900));
    await cache.verify(a);
    await cache.verify(b);
    await cache.verify(c);
    expect(cache.size).toBe(2);
    calls = [];
    await cache.verify(c);
    await cache.verify(b);
    expect(calls).toEqual([]);
    await cache.verify(a);
    expect(calls).toEqual([a]);
  });

  it('keys by the exact token string: a token differing in its signature is verified on its own', async () => {
    const cache = verifier();
    const token = tokenFor('u-1', now / 1000 + 900);
    const tampered = `${token.slice(0, -1)}A`;
    rejected.add(tampered);
    await cache.verify(token);
    await expect(cache.verify(tampered)).rejects.toThrow(UnauthenticatedError);
    expect(calls).toEqual([token, tampered]);
  });
});
