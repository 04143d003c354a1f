import { z } from 'zod';
import { defineEvent } from './define-event';
import { InvalidEventError } from './errors';
import { EventCatalog } from './event-catalog';
import { TOPICS } from './topics';
import { defineUpcaster } from './upcaster';
import { money } from './values';

// A test-only event in three versions: v1 had a float price in euros, v2 money, v3 adds a label.
const priced = (version: number) => `marketplace.testing.WidgetPriced.v${version}` as const;
const v1 = defineEvent({
  type: priced(1),
  topic: TOPICS.catalogProduct,
  description: 'v1: price as float euros',
  aggregateId: 'widgetId',
  schema: z.strictObject({ widgetId: z.string(), euros: z.number() }),
});
const v2 = defineEvent({
  type: priced(2),
  topic: TOPICS.catalogProduct,
  description: 'v2: price as money',
  aggregateId: 'widgetId',
  schema: z.strictObject({ widgetId: z.string(), price: money }),
});
const v3 = defineEvent({
  type: priced(3),
  topic: TOPICS.catalogProduct,
  description: 'v3: with a label',
  aggregateId: 'widgetId',
  schema: z.strictObject({ widgetId: z.string(), price: money, label: z.string() }),
});

const catalog = new EventCatalog(
  [v1, v2, v3],
  [
    defineUpcaster(v1, v2, ({ widgetId, euros }) => ({ widgetId, price: { amount: Math.round(euros * 100), currency: 'EUR' } })),
    defineUpcaster(v2, v3, (data) => ({ ...data, label: `widget ${data.widgetId}` })),
  ],
);

const stored = {
  id: 'e-1',
  source: '/testing',
  type: priced(1),
  specversion: '1.0',
  time: '2020-01-01T00:00:00Z',
  subject: 'w-1',
  datacontenttype: 'application/json',
  data: { widgetId: 'w-1', euros: 12.34 },
};

describe('upcasting', () => {
  it('reads an old event as the newest version by default, keeping its envelope', () => {
    expect(catalog.parse(stored)).toEqual({
      ...stored,
      type: priced(3),
      data: { widgetId: 'w-1', price: { amount: 1234, currency: 'EUR' }, label: 'widget w-1' },
    });
    expect(catalog.latestVersionOf(priced(1))).toBe(priced(3));
  });

  it('stops at the version the consumer handles', () => {
    expect(catalog.parse(stored, { upcast: [priced(2)] })).toMatchObject({
      type: priced(2),
      data: { widgetId: 'w-1', price: { amount: 1234, currency: 'EUR' } },
    });
    expect(catalog.parse(stored, { upcast: [priced(1), priced(2)] }).type).toBe(priced(1));
  });

  it('keeps the stored version readable when asked not to upcast', () => {
    expect(catalog.parse(stored, { upcast: 'none' })).toEqual(stored);
  });

  it('validates the stored data against its own version before upcasting', () => {
    const error = catchError(() => catalog.parse({ ...stored, data: { widgetId: 'w-1', euros: '12' } }));
    expect(error).toMatchObject({ reason: 'invalid_data', eventType: priced(1), details: [{ path: 'data.euros' }] });
  });

  it('refuses an upcaster result that breaks the next version', () => {
    const broken = new EventCatalog([v1, v2], [defineUpcaster(v1, v2, ({ widgetId }) => ({ widgetId, price: { amount: -1, currency: 'EUR' } }))]);
    const error = catchError(() => broken.parse(stored));
    expect(error).toMatchObject({ reason: 'invalid_data', eventType: priced(2), details: [{ path: 'data.price.amount' }] });
  });

  it('turns a throwing upcaster into an InvalidEventError', () => {
    const throwing = new EventCatalog([v1, v2], [defineUpcaster(v1, v2, () => { throw new Error('boom'); })]);
    expect(catchError(() => throwing.parse(stored)).details).toEqual([
      { path: 'data', message: `upcasting ${priced(1)} to ${priced(2)} failed: boom` },
    ]);
  });

  it('only chains consecutive versions of one event, all in the catalog', () => {
    expect(() => defineUpcaster(v1, v3, () => ({ widgetId: 'w', price: { amount: 1, currency: 'EUR' }, label: 'x' }))).toThrow(
      /one version to the next/,
    );
    expect(() => new EventCatalog([v1], [defineUpcaster(v1, v2, () => ({ widgetId: 'w', price: { amount: 1, currency: 'EUR' } }))])).toThrow(
      /outside the catalog/,
    );
  });
});

function catchError(fn: () => unknown): InvalidEventError {
  try {
    fn();
  } catch (error) {
    if (error instanceof InvalidEventError) return error;
    throw error;
  }
  throw new Error('expected an InvalidEventError');
}
