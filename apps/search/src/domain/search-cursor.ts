import { z } from 'zod';
import { SORTS, type SearchSort } from './search-query';

/** Where a page ended: the last item's sort key and id (the tie-break), under the sort it was made for. */
export interface SearchCursor {
  sort: SearchSort;
  /** The sort key as text (numbers and timestamps round-trip exactly through their text form). */
  key: string | null;
  id: string;
}

export class InvalidCursorError extends Error {
  override readonly name = 'InvalidCursorError';
}

const cursorSchema = z.strictObject({ s: z.enum(SORTS), k: z.string().max(100).nullable(), i: z.uuid() });

/** Opaque to clients: base64url of a small JSON document. */
export function encodeCursor(cursor: SearchCursor): string {
  return Buffer.from(JSON.stringify({ s: cursor.sort, k: cursor.key, i: cursor.id })).toString('base64url');
}

export function decodeCursor(text: string, sort: SearchSort): SearchCursor {
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
  if (result.data.k !== null && !isSortKey(sort, result.data.k)) throw new InvalidCursorError('cursor is malformed');
  return { sort: result.data.s, key: result.data.k, id: result.data.i };
}

function isSortKey(sort: SearchSort, key: string): boolean {
  if (sort === 'newest') return !Number.isNaN(Date.parse(key));
  if (sort === 'price_asc' || sort === 'price_desc') return /^\d{1,16}$/.test(key);
  return /^-?\d+(\.\d+)?(e-?\d+)?$/i.test(key);
}
