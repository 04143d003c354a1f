import { z } from 'zod';

/** No control characters (they break logs and displays) and no bidirectional overrides (they make text display as something else). */
const SINGLE_LINE = /^[^\p{Cc}\p{Cs}\u202A-\u202E\u2066-\u2069]*$/u;
/** The same, with line breaks and tabs allowed. */
const MULTI_LINE = /^(?:[^\p{Cc}\p{Cs}\u202A-\u202E\u2066-\u2069]|[\n\r\t])*$/u;

/** Refines a string schema to one line of plain text: for names, titles, addresses, references. */
export function singleLine(text: z.ZodString): z.ZodString {
  return text.regex(SINGLE_LINE, { error: 'must not contain control or bidirectional-override characters' });
}

/** Refines a string schema to plain text that may break lines: for descriptions and messages. */
export function multiLine(text: z.ZodString): z.ZodString {
  return text.regex(MULTI_LINE, { error: 'must not contain control characters other than line breaks, nor bidirectional overrides' });
}

/** True when every key and value is one line of plain text (for record-shaped inputs). */
export function isSingleLine(text: string): boolean {
  return SINGLE_LINE.test(text);
}
