import { createHash, randomUUID } from 'node:crypto';

/** Where new ids come from. */
export interface IdGenerator {
  /** A new UUID. */
  next(): string;
}

export const randomIds: IdGenerator = { next: () => randomUUID() };

/** DI token of the service's IdGenerator (the platform provides random UUIDs). */
export const ID_GENERATOR = Symbol('ID_GENERATOR');

/**
 * A name-based UUID (RFC 9562 version 5, SHA-1) of `name` within `namespace` (itself a UUID): the same
 * inputs always give the same id, so a retried step re-derives the ids of what it wrote the first time.
 */
export function nameBasedId(namespace: string, name: string): string {
  const namespaceBytes = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  if (namespaceBytes.length !== 16) throw new RangeError(`namespace must be a UUID, got "${namespace}"`);
  const hash = createHash('sha1').update(namespaceBytes).update(name, 'utf8').digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
