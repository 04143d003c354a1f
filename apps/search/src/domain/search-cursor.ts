import { z } from 'zod';
import { SEARCH_MODES, type SearchMode, SORTS, type SearchSort } from './search-query';

/** Where a page ended: the last item's sort key and id (the tie-break), under the sort and mode it was made for. */
export interface SearchCursor {
  sort: SearchSort;
  /** Relevance scores of one mode mean nothing in another. */
  mode: SearchMode;
  /** The sort key as text (numbers and timestamps round-trip exactly through their text form). */
  key: string | null;
  id: string;
}

export class InvalidCursorError extends Error {
  override readonly name = 'InvalidCursorError';
}

// `m` absent: a cursor made before there were modes, which were all text.
const cursorSchema = z.strictObject({ s: z.enum(SORTS), m: z.enum(SEARCH_MODES).default('text'), k: z.string().max(100).nullable(), i: z.uuid() });

/** Opaque to clients: base64url of a small JSON document. */
export function encodeCursor(cursor: SearchCursor): string {
  return Buffer.from(JSON.stringify({ s: cursor.sort, m: cursor.mode, k: cursor.key, i: cursor.id })).toString('base64url');
}

export function decodeCursor(text: string, sort: SearchSort, mode: SearchMode): SearchCursor {
  if (!/^[A-Za-z0-9_-]+$/.test(text)) throw new InvalidCursorError('cursor is not base64url');
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursorError('cursor is malformed');
  }
  const result = cursorSchema.safeParse(parsed);
  if (!result.success) throw new InvalidCursorError('cursor is malformed');
  if (result.data.s !== sort) throw new InvalidCursorError('cursor belongs to another sort order');
  if (result.data.m !== mode) throw new InvalidCursorError('cursor belongs to another search mode');
  if (result.data.k !== null && !isSortKey(sort, result.data.k)) throw new InvalidCursorError('cursor is malformed');
  return { sort: result.data.s, mode: result.data.m, key: result.data.k, id: result.data.i };
}

function isSortKey(sort: SearchSort, key: string): boolean {
  if (sort === 'newest') return !Number.isNaN(Date.parse(key));
  if (sort === 'price_asc' || sort === 'price_desc') return /^\d{1,16}$/.test(key);
  return /^-?\d+(\.\d+)?(e-?\d+)?$/i.test(key);
}
