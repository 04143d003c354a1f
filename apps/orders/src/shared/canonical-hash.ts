import { createHash } from 'node:crypto';

/** SHA-256 of the value as JSON with object keys sorted, so equal requests hash equal whatever their key order. */
export function canonicalHash(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(sorted(value))).digest('hex');
}

function sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sorted);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sorted((value as Record<string, unknown>)[key])]),
  );
}
