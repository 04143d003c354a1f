import { z } from 'zod';

/** Zod types for environment variables, which are always strings or absent. */

export const portVar = z.coerce
  .number({ error: 'must be a port number' })
  .int({ error: 'must be a whole port number' })
  .min(0, { error: 'must be between 0 and 65535' })
  .max(65535, { error: 'must be between 0 and 65535' });

export const positiveIntVar = z.coerce.number({ error: 'must be a number' }).int({ error: 'must be a whole number' }).positive({ error: 'must be positive' });

export const booleanVar = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { error: 'must be true or false' })
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

export const urlVar = z.url({ error: 'must be a URL' });

export const postgresUrlVar = z.url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// URL' });

/** A comma-separated list of host:port pairs. */
export const brokerListVar = z
  .string()
  .transform((value) => value.split(',').map((broker) => broker.trim()).filter(Boolean))
  .pipe(z.array(z.string().regex(/^[^\s:]+:\d+$/, { error: 'must be a comma-separated list of host:port' })).min(1, { error: 'must name at least one broker' }));

/** Unset and empty mean the same: a blank line in an .env file must not count as a value. */
export function optional<T extends z.ZodType>(type: T) {
  return z.preprocess((value) => (value === '' ? undefined : value), type.optional());
}

/** A variable holding JSON, then checked against `schema`; `what` names the expected JSON in the error. */
export function jsonVar<T extends z.ZodType>(schema: T, what: string) {
  return z
    .string()
    .transform((value, ctx) => {
      try {
        return JSON.parse(value) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: `must be ${what}` });
        return z.NEVER;
      }
    })
    .pipe(schema);
}
