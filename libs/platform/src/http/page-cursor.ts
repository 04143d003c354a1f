import { ValidationError } from '../errors/app-error';
import { z } from 'zod';

/** Where a page ended in a list ordered by (time desc, id desc): the next page starts strictly after it. */
export interface PageCursor {
  at: Date;
  id: string;
}

const cursorShape = z.strictObject({ at: z.iso.datetime(), id: z.uuid() });

/** A small JSON document as a cursor clients pass back untouched: base64url. */
export function encodeOpaqueCursor(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/** A cursor from `encodeOpaqueCursor`, checked against `shape`; anything else is a 400. */
export function decodeOpaqueCursor<T>(value: string, shape: z.ZodType<T>): T {
  try {
    return shape.parse(JSON.parse(Buffer.from(value, 'base64url').toString('utf8')));
  } catch {
    throw new ValidationError('The cursor is not one this API gave out.', { details: [{ field: 'cursor', message: 'invalid cursor' }] });
  }
}

export function encodeCursor(cursor: PageCursor): string {
  return encodeOpaqueCursor({ at: cursor.at.toISOString(), id: cursor.id });
}

/** An opaque cursor from a previous page; anything else is a 400. */
export function decodeCursor(value: string): PageCursor {
  const parsed = decodeOpaqueCursor(value, cursorShape);
  return { at: new Date(parsed.at), id: parsed.id };
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Fetches limit + 1 rows to know whether another page follows. */
export function toPage<T>(rows: T[], limit: number, cursorOf: (row: T) => PageCursor): Page<T> {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(cursorOf(last)) : null };
}
