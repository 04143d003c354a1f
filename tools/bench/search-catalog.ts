import { randomUUID } from 'node:crypto';
import { createCloudEvent, type MarketplaceEvent } from '@marketplace/contracts';

const LEAVES: Record<string, Record<string, string[]>> = {
  Electronics: { Audio: ['headphones', 'speaker', 'earbuds'], Computers: ['laptop', 'keyboard', 'monitor'], Phones: ['phone', 'charger', 'case'] },
  Home: { Kitchen: ['skillet', 'kettle', 'grinder'], Furniture: ['chair', 'desk', 'shelf'], Lighting: ['lamp', 'lantern', 'bulb'] },
  Fashion: { Shoes: ['sneakers', 'boots', 'sandals'], Outerwear: ['jacket', 'parka', 'raincoat'], Bags: ['backpack', 'tote', 'wallet'] },
  Outdoors: { Camping: ['tent', 'stove', 'sleeping bag'], Cycling: ['helmet', 'bike light', 'pump'], Garden: ['hose', 'shears', 'planter'] },
};
const BRANDS = ['Nordlys', 'Kestrel', 'Bramble', 'Quill', 'Solace', 'Tundra', 'Vireo', 'Harbor', 'Aster', 'Fable'];
const ADJECTIVES = ['compact', 'classic', 'rugged', 'premium', 'lightweight', 'vintage', 'modern', 'sturdy', 'foldable', 'wireless'];
const COLOURS = ['charcoal', 'ivory', 'olive', 'navy', 'crimson', 'sand'];

export interface BenchCatalog {
  /** Category, product, publish and stock events, in the order catalog would publish them. */
  events: MarketplaceEvent[];
  products: { id: string; sellerId: string; categoryId: string; title: string; description: string; colour: string }[];
  categoryIds: string[];
}

/** A catalog of `count` published products in a three-level tree of 52 categories, with fresh ids. */
export function benchCatalog(count: number, now: () => string): BenchCatalog {
  const events: MarketplaceEvent[] = [];
  const emit = (type: Parameters<typeof createCloudEvent>[0]['type'], subject: string, data: object) =>
    events.push(createCloudEvent({ id: randomUUID(), time: now(), source: 'catalog', type, subject, data } as Parameters<typeof createCloudEvent>[0]));
  const categoryIds: string[] = [];
  const leaves: { id: string; nouns: string[] }[] = [];
  const category = (name: string, parentId: string | null) => {
    const categoryId = randomUUID();
    categoryIds.push(categoryId);
    emit('marketplace.catalog.CategoryCreated.v1', categoryId, { categoryId, parentId, name, slug: name.toLowerCase(), createdAt: now() });
    return categoryId;
  };
  for (const [top, middles] of Object.entries(LEAVES)) {
    const topId = category(top, null);
    for (const [middle, nouns] of Object.entries(middles)) {
      const middleId = category(middle, topId);
      for (const noun of nouns) leaves.push({ id: category(noun.replace(' ', '-'), middleId), nouns: [noun] });
    }
  }
  const sellers = Array.from({ length: 20 }, () => randomUUID());
  const products: BenchCatalog['products'] = [];
  for (let i = 0; i < count; i += 1) {
    const leaf = leaves[i % leaves.length];
    const colour = COLOURS[i % COLOURS.length];
    const product = {
      id: randomUUID(),
      sellerId: sellers[i % sellers.length],
      categoryId: leaf.id,
      title: `${BRANDS[i % BRANDS.length]} ${ADJECTIVES[Math.floor(i / 7) % ADJECTIVES.length]} ${leaf.nouns[0]} ${i}`,
      description: `A ${colour} ${leaf.nouns[0]} that is made to last, with a two-year warranty.`,
      colour,
    };
    products.push(product);
    const { id: productId, sellerId, categoryId, title, description } = product;
    emit('marketplace.catalog.ProductCreated.v1', productId, {
      productId, sellerId, categoryId, title, description,
      attributes: { colour: [colour], size: [['S', 'M', 'L'][i % 3]] },
      imageUrls: [],
      price: { amount: 500 + ((i * 7919) % 1000) * 50, currency: 'EUR' },
      createdAt: now(),
    });
    emit('marketplace.catalog.ProductPublished.v1', productId, { productId, sellerId, publishedAt: now() });
    const available = i % 9 === 0 ? 0 : (i % 40) + 1;
    emit('marketplace.catalog.StockAdjusted.v1', productId, { productId, sellerId, onHand: available, available, adjustedAt: now() });
  }
  return { events, products, categoryIds };
}
