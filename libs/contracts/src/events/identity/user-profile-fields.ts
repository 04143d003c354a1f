import { z } from 'zod';

/** What a user is called in mail and on screen. */
export const userDisplayName = z.string().min(1).max(200);

/** E.164: `+`, country code, subscriber number; 8 to 16 characters, no spaces. */
export const phoneNumber = z
  .string()
  .regex(/^\+[1-9]\d{6,14}$/, { error: 'must be an E.164 phone number, e.g. +254712345678' })
  .describe('E.164 phone number, e.g. +254712345678');

/** A tag's canonical form (`EN-gb` -> `en-GB`), or undefined when it is not a well-formed BCP 47 tag. */
export function canonicalLocale(tag: string): string | undefined {
  try {
    return Intl.getCanonicalLocales(tag)[0];
  } catch {
    return undefined; // Intl throws a RangeError for a malformed tag
  }
}

/** The locale of a user who never chose one (and of every user registered before locales existed). */
export const DEFAULT_LOCALE = 'en';

/**
 * A BCP 47 language tag in its canonical form, as identity stores it: notifications picks the language
 * of its messages and the format of dates and money by it. The pattern is for readers without Intl.
 */
export const localeTag = z
  .string()
  .max(64)
  .regex(/^[a-z]{2,8}(-[A-Za-z0-9]{1,8})*$/, { error: 'must be a BCP 47 language tag, e.g. en or pt-BR' })
  .refine((tag) => canonicalLocale(tag) === tag, { error: 'must be a BCP 47 language tag in canonical form, e.g. en or pt-BR', when: (payload) => payload.issues.length === 0 })
  .describe('BCP 47 language tag in canonical form, e.g. en, fr-CA, zh-Hant-TW');
