import { ValidationError } from '@marketplace/platform';
import { CategoryCycleError } from './errors';

/**
 * A node of the category tree. `path` holds the ids from the root down to this category (itself
 * last), so a subtree is every category whose path contains the id, and ancestors need no recursion.
 */
export interface Category {
  id: string;
  parentId: string | null;
  name: string;
  slug: string;
  path: string[];
  createdAt: Date;
  updatedAt: Date;
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const SLUG_MAX_LENGTH = 120;

/** A lower-case kebab slug from a name: accents dropped, anything else between words becomes one hyphen. */
export function slugFrom(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, SLUG_MAX_LENGTH)
    .replace(/-+$/, '');
  if (!SLUG.test(slug)) {
    throw new ValidationError('A slug cannot be made from this name; give one.', { details: [{ field: 'slug', message: 'needs letters or digits a-z, 0-9' }] });
  }
  return slug;
}

export function createCategory(input: { id: string; name: string; slug?: string; parent: Category | null; now: Date }): Category {
  return {
    id: input.id,
    parentId: input.parent?.id ?? null,
    name: input.name,
    slug: input.slug ?? slugFrom(input.name),
    path: [...(input.parent?.path ?? []), input.id],
    createdAt: input.now,
    updatedAt: input.now,
  };
}

export function renameCategory(category: Category, input: { name: string; slug?: string; now: Date }): Category {
  return { ...category, name: input.name, slug: input.slug ?? slugFrom(input.name), updatedAt: input.now };
}

/** The category under its new parent (null: top level); refuses a parent inside the category's own subtree. */
export function moveCategory(category: Category, parent: Category | null, now: Date): Category {
  if (parent && parent.path.includes(category.id)) throw new CategoryCycleError();
  return { ...category, parentId: parent?.id ?? null, path: [...(parent?.path ?? []), category.id], updatedAt: now };
}
