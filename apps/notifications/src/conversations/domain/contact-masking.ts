export const EMAIL_MASK = '[email hidden]';
export const PHONE_MASK = '[phone hidden]';

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
/** Digits with the separators phone numbers are written with, not glued to a word (ids, codes). */
const PHONE_LIKE = /(?<![\p{L}\p{N}_+-])(?:\+|\(\+?)?\d(?:[\d ().-]*\d)?(?![\p{L}\p{N}_])/gu;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** E.164 numbers have at most 15 digits; fewer than 7 are prices, quantities and years. */
const PHONE_DIGITS = { min: 7, max: 15 };

function looksLikePhone(candidate: string): boolean {
  const digits = candidate.replace(/\D/g, '').length;
  return digits >= PHONE_DIGITS.min && digits <= PHONE_DIGITS.max && !ISO_DATE.test(candidate.trim());
}

/**
 * Hides email addresses and phone numbers in a message, so that buyers and sellers keep their dealings
 * on the marketplace. It errs towards hiding: a long run of grouped digits is taken for a phone number.
 * Spelled-out addresses ("ann at example dot com") are not recognised.
 */
export function maskContacts(text: string): string {
  return text.replace(EMAIL, EMAIL_MASK).replace(PHONE_LIKE, (candidate) => (looksLikePhone(candidate) ? PHONE_MASK : candidate));
}
