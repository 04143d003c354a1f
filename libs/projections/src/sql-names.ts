import { InvalidProjectionError } from './errors';

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;
/** PostgreSQL truncates identifiers beyond 63 bytes, which would silently merge names. */
const MAX_IDENTIFIER_LENGTH = 63;

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export function qualified(schema: string, name: string): string {
  return `${quoteIdent(schema)}.${quoteIdent(name)}`;
}

/** Rejects names that would need quoting games or get truncated, with an error naming what is wrong. */
export function assertIdentifier(kind: string, name: string, reserve = 0): void {
  if (!IDENTIFIER.test(name)) {
    throw new InvalidProjectionError(`${kind} "${name}" must match ${IDENTIFIER.source}`);
  }
  if (name.length + reserve > MAX_IDENTIFIER_LENGTH) {
    throw new InvalidProjectionError(`${kind} "${name}" is too long (at most ${MAX_IDENTIFIER_LENGTH - reserve} characters)`);
  }
}
