import { eventExamples } from '@marketplace/contracts';
import { evolvePriceEntry, type PriceEntry, type PriceListEvent } from './price-entry';

const created: PriceListEvent = { type: 'marketplace.catalog.ProductCreated.v1', data: eventExamples['marketplace.catalog.ProductCreated.v1'] };
const event = <T extends PriceListEvent['type']>(type: T) => ({ type, data: eventExamples[type] }) as PriceListEvent;
const fold = (events: PriceListEvent[]) => events.reduce<PriceEntry | undefined>(evolvePriceEntry, undefined);

describe('the price list entry of a product', () => {
  it('starts as a draft at its creation price and title', () => {
    expect(fold([created])).toEqual({ productId: created.data.productId, sellerId: created.data.sellerId, title: 'Merino scarf', price: { amount: 4900, currency: 'EUR' }, status: 'draft' });
  });

  it('follows publication, price changes, title edits and archiving', () => {
    const published = fold([created, event('marketplace.catalog.ProductPublished.v1'), event('marketplace.catalog.ProductPriceChanged.v1'), event('marketplace.catalog.ProductUpdated.v1')]);
    expect(published).toMatchObject({ status: 'published', price: { amount: 4500, currency: 'EUR' }, title: 'Merino scarf, charcoal' });
    expect(fold([created, event('marketplace.catalog.ProductPublished.v1'), event('marketplace.catalog.ProductArchived.v1')])?.status).toBe('archived');
  });

  it('never publishes an archived product again, and ignores changes to a product it never saw created', () => {
    expect(fold([created, event('marketplace.catalog.ProductArchived.v1'), event('marketplace.catalog.ProductPublished.v1')])?.status).toBe('archived');
    expect(fold([event('marketplace.catalog.ProductPublished.v1'), event('marketplace.catalog.ProductPriceChanged.v1')])).toBeUndefined();
  });
});
