import { ValidationError } from '../errors/app-error';
import { z } from 'zod';

/** Where a page ended in a list ordered by (time desc, id desc): the next page starts strictly after it. */
export interface PageCursor {
  at: Date;
  id: string;
}

const cursorShape = z.strictObject({ at: z.iso.datetime(), id: z.uuid() });

export function encodeCursor(cursor: PageCursor): string {
  return Buffer.from(JSON.stringify({ at: cursor.at.toISOString(), id: cursor.id })).toString('base64url');
}

/** An opaque cursor from a previous page; anything else is a 400. */
export function decodeCursor(value: string): PageCursor {
  try {
    const parsed = cursorShape.parse(JSON.parse(Buffer.from(value, 'base64url').toString('utf8')));
    return { at: new Date(parsed.at), id: parsed.id };
  } catch {
    throw new ValidationError('The cursor is not one this API gave out.', { details: [{ field: 'cursor', message: 'invalid cursor' }] });
  }
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
