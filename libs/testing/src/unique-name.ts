import { randomBytes } from 'node:crypto';

/**
 * A name no other test run uses, for resources on shared servers (topics, consumer groups, schemas).
 * Only [a-z0-9] and the separator survive, so the result is a valid Kafka topic and, with `separator: '_'`, a valid
 * unquoted PostgreSQL identifier.
 */
export function uniqueName(prefix: string, separator: '-' | '_' = '-'): string {
  const words = prefix.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
  // An identifier must not start with a digit.
  if (!/^[a-z]/.test(words[0] ?? '')) words.unshift('t');
  return [...words, Date.now().toString(36), randomBytes(4).toString('hex')].join(separator);
}

/** A fresh Kafka topic name: `<prefix>-<time>-<random>`. */
export function uniqueTopic(prefix = 'test'): string {
  return uniqueName(prefix, '-');
}
