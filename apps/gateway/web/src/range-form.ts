import { field, h } from './dom';

const DAY_MS = 86_400_000;

/** A range of whole UTC days and a currency, as the analytics pages ask for them. */
export interface RangeForm {
  form: HTMLFormElement;
  /** The range as the analytics API takes it: `from` the first day's start, `to` the day after the last (excluded). */
  range(): { from: string; to: string };
  /** The currency chosen, or '' before any was offered. */
  currency(): string;
  /** Offers the currencies the range has and returns the one chosen: the one asked if it is there, else the first. */
  offer(currencies: readonly string[]): string;
}

/** The form of the last 30 days up to today; `show` runs when it is submitted. */
export function rangeForm(show: () => void): RangeForm {
  const today = new Date().toISOString().slice(0, 10);
  const from = h('input', { id: 'range-from', type: 'date', value: isoDay(Date.parse(today) - 29 * DAY_MS), required: true });
  const to = h('input', { id: 'range-to', type: 'date', value: today, required: true });
  const currency = h('select', { id: 'range-currency' });
  const form = h('form', { class: 'inline-form' }, field('From (UTC day)', from), field('To (UTC day, included)', to), field('Currency', currency), h('button', { type: 'submit' }, 'Show'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    show();
  });
  return {
    form,
    range: () => ({ from: `${from.value}T00:00:00.000Z`, to: `${isoDay(Date.parse(to.value) + DAY_MS)}T00:00:00.000Z` }),
    currency: () => currency.value,
    offer(currencies) {
      const sorted = [...new Set(currencies)].sort();
      const chosen = sorted.includes(currency.value) ? currency.value : (sorted[0] ?? '');
      currency.replaceChildren(...sorted.map((code) => h('option', { value: code, selected: code === chosen }, code)));
      return chosen;
    },
  };
}

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
