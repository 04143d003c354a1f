/** Emails are compared and stored trimmed and lower-cased, so that `Ada@Example.com ` and `ada@example.com` are one account. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}
