import { canonicalLocale, localeTag, singleLine } from '@marketplace/contracts';
import { z } from 'zod';
import { PASSWORD_MAX_LENGTH } from '../domain/password-policy';

/** One line of plain text in any script, trimmed: no control or bidirectional-override characters (contracts' rule). */
export const plainText = (max: number) => singleLine(z.string().trim().min(1).max(max));

/** Trimmed before it is checked: a pasted address often carries spaces. */
export const email = z.string().trim().max(254).pipe(z.email());
/** The policy (12..128 characters, not common, not the email) is checked by the service; this only bounds the size. */
export const newPassword = z.string().min(1).max(PASSWORD_MAX_LENGTH * 4);
export const opaqueToken = z.string().min(1).max(512).regex(/^[A-Za-z0-9_-]+$/, { error: 'must be a token as issued' });

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });
/** ISO 3166-1 alpha-2: two letters that name a region Intl knows. */
export const country = z
  .string()
  .regex(/^[A-Za-z]{2}$/, { error: 'must be an ISO 3166-1 alpha-2 code' })
  .transform((code) => code.toUpperCase())
  .refine((code) => regionNames.of(code) !== code, { error: 'is not an ISO 3166-1 alpha-2 country' });

/**
 * Any well-formed BCP 47 tag, stored in its canonical form (`EN-gb` -> `en-GB`), so that one locale
 * is one string for every reader. Intl decides what is well-formed.
 */
export const locale = z
  .string()
  .max(64)
  .transform((tag, ctx) => {
    const canonical = canonicalLocale(tag);
    if (canonical === undefined) ctx.addIssue({ code: 'custom', message: 'must be a BCP 47 language tag, e.g. en or pt-BR' });
    return canonical ?? z.NEVER;
  })
  .pipe(localeTag);
