/** `Home & Kitchen` -> `home-kitchen`: lower-case words joined by hyphens, as catalog's slugs are. */
export function slugify(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** A small deterministic hash (FNV-1a, 32 bits): the same text always picks the same variant. */
export function stableHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

export function pick<T>(items: readonly T[], key: string): T {
  return items[stableHash(key) % items.length];
}
