import { OpsError, type ParsedArgs } from '../ops-command';

/** Readers of typed values out of ParsedArgs; each refuses a bad value with one line naming it. */

export function positional(args: ParsedArgs, index: number, name: string): string {
  const value = args.positionals[index];
  if (value === undefined || value === '') throw new OpsError(`missing <${name}> (see --help)`);
  return value;
}

export function noMorePositionals(args: ParsedArgs, expected: number): void {
  const extra = args.positionals.slice(expected);
  if (extra.length > 0) throw new OpsError(`unexpected argument "${extra[0]}" (see --help)`);
}

export function stringOption(args: ParsedArgs, name: string): string | undefined {
  const value = args.options[name];
  if (value === true || value === '') throw new OpsError(`--${name} needs a value`);
  return value;
}

export function intOption(args: ParsedArgs, name: string, limits: { min: number; max?: number }): number | undefined {
  const text = stringOption(args, name);
  if (text === undefined) return undefined;
  const value = Number(text);
  const max = limits.max ?? Number.MAX_SAFE_INTEGER;
  if (!/^-?\d+$/.test(text) || value < limits.min || value > max) {
    throw new OpsError(`--${name} must be a whole number from ${limits.min}${limits.max === undefined ? ' up' : ` to ${max}`}, not "${text}"`);
  }
  return value;
}

/** An ISO 8601 instant with a date and a time (a zone or Z; without one it is read as UTC). */
export function timeOption(args: ParsedArgs, name: string): Date | undefined {
  const text = stringOption(args, name);
  if (text === undefined) return undefined;
  const iso = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
  const withZone = /T.*(Z|[+-]\d{2}:?\d{2})$/.test(text) || !text.includes('T') ? text : `${text}Z`;
  const time = new Date(withZone);
  if (!iso.test(text) || Number.isNaN(time.getTime())) {
    throw new OpsError(`--${name} must be an ISO 8601 time such as 2025-03-01T12:00:00Z, not "${text}"`);
  }
  return time;
}
