import type { Money } from '@marketplace/contracts';
import { CATALOG_TREE, COLOURS, type LeafData } from './catalog-data';
import { pick, slugify, stableHash } from './slug';

export const DEMO_CURRENCY = 'EUR';

export interface DemoCategory {
  slug: string;
  name: string;
  /** The parent's slug; null for a department. */
  parentSlug: string | null;
}

export interface DemoProduct {
  slug: string;
  title: string;
  description: string;
  price: Money;
  categorySlug: string;
  attributes: Record<string, string[]>;
  imageUrls: string[];
  onHand: number;
  /** Index into the demo's sellers. */
  seller: number;
}

/** Departments first, so that a parent is always created before its children. */
export function demoCategories(): DemoCategory[] {
  const roots = CATALOG_TREE.map((root) => ({ slug: slugify(root.name), name: root.name, parentSlug: null }));
  const leaves = CATALOG_TREE.flatMap((root) => root.leaves.map((leaf) => ({ slug: slugify(leaf.name), name: leaf.name, parentSlug: slugify(root.name) })));
  return [...roots, ...leaves];
}

/** Every leaf's 15 products; the same on every machine and every run. */
export function demoProducts(sellerCount: number): DemoProduct[] {
  const leaves = CATALOG_TREE.flatMap((root) => root.leaves);
  return leaves.flatMap((leaf, leafIndex) =>
    leaf.qualifiers.flatMap((qualifier, qualifierIndex) =>
      leaf.items.map(([item, basePrice]) => product(leaf, qualifier, qualifierIndex, item, basePrice, leafIndex % sellerCount)),
    ),
  );
}

function product(leaf: LeafData, qualifier: string, qualifierIndex: number, item: string, basePrice: number, seller: number): DemoProduct {
  const title = `${qualifier} ${item}`;
  const slug = slugify(`${leaf.name} ${title}`);
  const material = pick(leaf.materials, `${slug}/material`);
  const colour = pick(COLOURS, `${slug}/colour`);
  return {
    slug,
    title,
    description: `${title} in ${material}, ${colour}. ${leaf.use} Part of our ${leaf.name.toLowerCase()} range.`,
    price: { amount: demoPrice(basePrice, qualifierIndex), currency: DEMO_CURRENCY },
    categorySlug: slugify(leaf.name),
    attributes: { material: [material], colour: [colour] },
    imageUrls: [`https://picsum.photos/seed/${slug}/800/600`, `https://picsum.photos/seed/${slug}-detail/800/600`],
    onHand: 20 + (stableHash(`${slug}/stock`) % 81),
    seller,
  };
}

/** Qualifiers step the price up by a fifth each; prices end in .99 like a shop's. */
export function demoPrice(basePrice: number, qualifierIndex: number): number {
  const scaled = Math.round((basePrice * (5 + qualifierIndex)) / 5 / 100) * 100;
  return Math.max(scaled - 1, 99);
}
