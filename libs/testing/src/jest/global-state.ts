import type { ResolvedBackend } from './resolve-backend';

/**
 * Jest runs the global setup and teardown in one process but as separate modules; globalThis is the
 * documented way to hand state from one to the other.
 */
const KEY = Symbol.for('marketplace.testing.infrastructure');

type GlobalWithBackends = typeof globalThis & { [KEY]?: ResolvedBackend[] };

export function rememberBackends(backends: ResolvedBackend[]): void {
  (globalThis as GlobalWithBackends)[KEY] = backends;
}

export function takeBackends(): ResolvedBackend[] {
  const holder = globalThis as GlobalWithBackends;
  const backends = holder[KEY] ?? [];
  delete holder[KEY];
  return backends;
}
