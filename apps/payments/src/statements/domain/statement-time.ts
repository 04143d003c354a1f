/** `2026-03-01 14:05:09` or `2026-03-01T14:05` (seconds optional), the form statement exports use for local times. */
const LOCAL = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/;

/** ISO 8601 with an explicit offset: a time without one would be read in whatever zone the server is in. */
const ISO = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * A provider's local wall-clock time (`offsetMinutes` east of UTC) as ISO 8601 UTC, or undefined when
 * the text is not such a time or names a day that does not exist (2026-02-30).
 */
export function parseLocalTime(text: string, offsetMinutes: number): string | undefined {
  const parts = LOCAL.exec(text.trim());
  return parts ? utc(parts.slice(1, 7), offsetMinutes) : undefined;
}

/** An ISO 8601 time with `Z` or an offset, as ISO 8601 UTC (milliseconds kept); undefined otherwise. */
export function parseIsoTime(text: string): string | undefined {
  const parts = ISO.exec(text.trim());
  if (!parts || utc(parts.slice(1, 7), 0) === undefined) return undefined;
  return new Date(text.trim()).toISOString();
}

function utc([year, month, day, hour, minute, second = '0']: (string | undefined)[], offsetMinutes: number): string | undefined {
  const fields = [year, month, day, hour, minute, second].map(Number);
  const [y, mo, d, h, mi, s] = fields;
  const at = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  const exists = at.getUTCFullYear() === y && at.getUTCMonth() === mo - 1 && at.getUTCDate() === d && h < 24 && mi < 60 && s < 60;
  return exists ? new Date(at.getTime() - offsetMinutes * 60_000).toISOString() : undefined;
}
