import { ValidationError } from '@marketplace/platform';
import { type Category, createCategory, moveCategory, renameCategory, slugFrom } from './category';
import { CategoryCycleError } from './errors';

const now = new Date('2026-01-02T03:04:05.000Z');
const later = new Date('2026-01-03T00:00:00.000Z');

function given(): { root: Category; child: Category; grandchild: Category; other: Category } {
  const root = createCategory({ id: 'root', name: 'Home & Garden', parent: null, now });
  const child = createCategory({ id: 'child', name: 'Kitchen', parent: root, now });
  const grandchild = createCategory({ id: 'grandchild', name: 'Knives', parent: child, now });
  const other = createCategory({ id: 'other', name: 'Books', parent: null, now });
  return { root, child, grandchild, other };
}

describe('category', () => {
  it.each([
    ['Home & Garden', 'home-garden'],
    ['  Crème Brûlée Sets ', 'creme-brulee-sets'],
    ['USB-C  cables', 'usb-c-cables'],
  ])('given the name %p, when no slug is given, then the slug is %p', (name, slug) => {
    expect(slugFrom(name)).toBe(slug);
  });

  it('given a name with no latin letters or digits, when a slug is derived, then it is a validation error', () => {
    expect(() => slugFrom('日本')).toThrow(ValidationError);
  });

  it('given a parent, when a child is created, then its path extends the parent path', () => {
    const { root, child, grandchild } = given();
    expect(root.path).toEqual(['root']);
    expect(child).toMatchObject({ parentId: 'root', slug: 'kitchen', path: ['root', 'child'] });
    expect(grandchild.path).toEqual(['root', 'child', 'grandchild']);
  });

  it('given a category, when it is renamed, then name, slug and time change and its place does not', () => {
    const { child } = given();
    expect(renameCategory(child, { name: 'Cooking', now: later })).toEqual({ ...child, name: 'Cooking', slug: 'cooking', updatedAt: later });
    expect(renameCategory(child, { name: 'Cooking', slug: 'cook', now: later }).slug).toBe('cook');
  });

  it('given a category, when it moves under another branch or to the top, then its parent and path follow', () => {
    const { child, other } = given();
    expect(moveCategory(child, other, later)).toMatchObject({ parentId: 'other', path: ['other', 'child'], updatedAt: later });
    expect(moveCategory(child, null, later)).toMatchObject({ parentId: null, path: ['child'] });
  });

  it('given a category, when it would move under itself or a descendant, then it is a cycle error', () => {
    const { root, child, grandchild } = given();
    expect(() => moveCategory(root, root, later)).toThrow(CategoryCycleError);
    expect(() => moveCategory(root, grandchild, later)).toThrow(CategoryCycleError);
    expect(() => moveCategory(child, grandchild, later)).toThrow(CategoryCycleError);
  });
});
