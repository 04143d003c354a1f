// Money is written by the contracts' formatter, shared with the services' log lines.
export { formatMoney } from '@marketplace/contracts';

export function formatDate(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(new Date(iso));
}
