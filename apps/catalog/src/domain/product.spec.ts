import { archiveProduct, assertMayChange, createProduct, editProduct, isVisibleTo, type Product, publishProduct } from './product';
import { CurrencyChangeError, IllegalProductTransitionError, NotProductOwnerError } from './errors';

const created = new Date('2026-01-01T00:00:00.000Z');
const now = new Date('2026-01-02T00:00:00.000Z');
const seller = { id: 'seller-1', roles: ['buyer', 'seller'] };
const otherSeller = { id: 'seller-2', roles: ['buyer', 'seller'] };
const admin = { id: 'admin', roles: ['buyer', 'admin'] };

function givenDraft(): Product {
  return createProduct({
    id: 'product-1',
    sellerId: seller.id,
    title: 'Chef knife',
    description: 'Carbon steel',
    categoryId: 'knives',
    attributes: { blade: ['20 cm'] },
    imageUrls: [],
    price: { amount: 4900, currency: 'EUR' },
    now: created,
  });
}

describe('product lifecycle', () => {
  it('given a new product, then it is a draft with no rating', () => {
    expect(givenDraft()).toMatchObject({ status: 'draft', rating: { sum: 0, count: 0 }, publishedAt: null, archivedAt: null });
  });

  it('given a draft, when published then archived, then each step records its time', () => {
    const published = publishProduct(givenDraft(), now);
    expect(published).toMatchObject({ status: 'published', publishedAt: now, updatedAt: now });
    expect(archiveProduct(published, now)).toMatchObject({ status: 'archived', archivedAt: now });
  });

  it.each([
    ['publish a published product', (p: Product) => publishProduct(publishProduct(p, now), now)],
    ['publish an archived product', (p: Product) => publishProduct(archiveProduct(publishProduct(p, now), now), now)],
    ['archive a draft', (p: Product) => archiveProduct(p, now)],
    ['archive an archived product', (p: Product) => archiveProduct(archiveProduct(publishProduct(p, now), now), now)],
    ['edit an archived product', (p: Product) => editProduct(archiveProduct(publishProduct(p, now), now), { title: 'x' }, now)],
  ])('when it tries to %s, then it is an illegal transition', (_name, step) => {
    expect(() => step(givenDraft())).toThrow(IllegalProductTransitionError);
  });
});

describe('product edits', () => {
  it('given a product, when only the price changes, then the edit carries the previous price and no detail change', () => {
    const edit = editProduct(givenDraft(), { price: { amount: 3900, currency: 'EUR' } }, now);
    expect(edit).toMatchObject({ detailsChanged: false, previousPrice: { amount: 4900, currency: 'EUR' } });
    expect(edit.product.price).toEqual({ amount: 3900, currency: 'EUR' });
  });

  it('given a product, when details change and the price stays, then there is no price change', () => {
    const edit = editProduct(givenDraft(), { title: 'Gyuto', price: { amount: 4900, currency: 'EUR' } }, now);
    expect(edit.detailsChanged).toBe(true);
    expect(edit.previousPrice).toBeUndefined();
    expect(edit.product).toMatchObject({ title: 'Gyuto', description: 'Carbon steel', updatedAt: now });
  });

  it('given a product, when the edit repeats what it already says, then nothing changes', () => {
    const product = givenDraft();
    expect(editProduct(product, { title: 'Chef knife', attributes: { blade: ['20 cm'] } }, now)).toEqual({ product, detailsChanged: false });
  });

  it('given a product priced in EUR, when the new price is in USD, then it is refused', () => {
    expect(() => editProduct(givenDraft(), { price: { amount: 100, currency: 'USD' } }, now)).toThrow(CurrencyChangeError);
  });
});

describe('product ownership and visibility', () => {
  it('lets the owner and an admin change it, and no other seller', () => {
    const product = givenDraft();
    expect(() => assertMayChange(product, seller)).not.toThrow();
    expect(() => assertMayChange(product, admin)).not.toThrow();
    expect(() => assertMayChange(product, otherSeller)).toThrow(NotProductOwnerError);
  });

  it('shows a draft to its owner and admins only, and a published product to everyone', () => {
    const draft = givenDraft();
    expect([isVisibleTo(draft, seller), isVisibleTo(draft, admin), isVisibleTo(draft, otherSeller), isVisibleTo(draft, undefined)]).toEqual([true, true, false, false]);
    expect(isVisibleTo(publishProduct(draft, now), undefined)).toBe(true);
  });
});
