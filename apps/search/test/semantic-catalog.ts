import { createCloudEvent, type MarketplaceEvent } from '@marketplace/contracts';
import { seedId } from './seed-catalog';

/** A product written the way sellers write: what it is, in its own words, never the buyer's. */
interface SemanticProduct {
  key: string;
  category: string;
  title: string;
  description: string;
  price: number;
  available: number;
}

const CATEGORIES = [
  { name: 'Kitchen', parent: null },
  { name: 'Small appliances', parent: 'Kitchen' },
  { name: 'Cookware', parent: 'Kitchen' },
  { name: 'Sports', parent: null },
  { name: 'Running', parent: 'Sports' },
  { name: 'Home', parent: null },
  { name: 'Lighting', parent: 'Home' },
  { name: 'Electronics', parent: null },
  { name: 'Audio', parent: 'Electronics' },
] as const;

/** Words of the paraphrase queries (boil, water, jogging, reading, music...) appear in none of these texts. */
export const SEMANTIC_PRODUCTS: SemanticProduct[] = [
  { key: 'kettle', category: 'Small appliances', title: 'Aurelia K2 electric kettle 1.7 l', description: 'Stainless steel jug with a rapid heating element and automatic shut-off.', price: 3999, available: 12 },
  { key: 'toaster', category: 'Small appliances', title: 'Brava two-slice toaster', description: 'Browns bread evenly, with a defrost setting and a crumb tray.', price: 2999, available: 8 },
  { key: 'blender', category: 'Small appliances', title: 'Vortex countertop blender', description: 'Crushes ice and purees fruit for smoothies in seconds.', price: 5999, available: 0 },
  { key: 'saucepan', category: 'Cookware', title: 'Cortina saucepan 18 cm', description: 'Tri-ply pan with a glass lid, for sauces and soups on any hob.', price: 4499, available: 5 },
  { key: 'skillet', category: 'Cookware', title: 'Ferro cast iron skillet', description: 'Pre-seasoned frying pan that sears steaks and bakes cornbread.', price: 3499, available: 7 },
  { key: 'shoes', category: 'Running', title: 'Stride 3 road shoes', description: 'Lightweight cushioned sneakers for daily miles on pavement.', price: 8999, available: 20 },
  { key: 'vest', category: 'Running', title: 'Flux hydration vest', description: 'Carries two soft flasks and a phone on long trail runs.', price: 6999, available: 4 },
  { key: 'lamp', category: 'Lighting', title: 'Lumo desk lamp', description: 'Adjustable arm and a warm LED for the bedside or the study.', price: 2499, available: 9 },
  { key: 'bulb', category: 'Lighting', title: 'Glow smart bulb E27', description: 'Dimmable colour LED controlled from an app.', price: 1499, available: 30 },
  { key: 'headphones', category: 'Audio', title: 'Aurora noise cancelling headphones', description: 'Over-ear, wireless, with 30 hours of battery.', price: 19999, available: 6 },
  { key: 'speaker', category: 'Audio', title: 'Boom portable speaker', description: 'Waterproof Bluetooth box with deep bass for the beach.', price: 7999, available: 11 },
];

export interface SemanticCatalog {
  events: MarketplaceEvent[];
  product(key: string): string;
  category(name: string): string;
}

/** Categories, then each product created, published and stocked. */
export function semanticCatalog(): SemanticCatalog {
  const events: MarketplaceEvent[] = [];
  const time = (n: number) => new Date(Date.UTC(2026, 0, 1) + n * 1000).toISOString();
  const emit = (type: Parameters<typeof createCloudEvent>[0]['type'], subject: string, data: object) => {
    events.push(createCloudEvent({ id: seedId('e', events.length + 1), time: time(events.length), source: 'catalog', type, subject, data } as Parameters<typeof createCloudEvent>[0]));
  };
  const categoryIds = new Map<string, string>(CATEGORIES.map((c, i) => [c.name, seedId('c', i + 1)]));
  const category = (name: string) => categoryIds.get(name) as string;
  for (const c of CATEGORIES) {
    const id = category(c.name);
    emit('marketplace.catalog.CategoryCreated.v1', id, { categoryId: id, parentId: c.parent ? category(c.parent) : null, name: c.name, slug: c.name.toLowerCase().replace(/ /g, '-'), createdAt: time(0) });
  }
  const productIds = new Map(SEMANTIC_PRODUCTS.map((p, i) => [p.key, seedId('d', i + 1)]));
  const product = (key: string) => productIds.get(key) as string;
  const sellerId = seedId('a', 1);
  for (const p of SEMANTIC_PRODUCTS) {
    const productId = product(p.key);
    emit('marketplace.catalog.ProductCreated.v1', productId, {
      productId, sellerId, categoryId: category(p.category), title: p.title, description: p.description, attributes: {}, imageUrls: [], price: { amount: p.price, currency: 'EUR' }, createdAt: time(1),
    });
    emit('marketplace.catalog.ProductPublished.v1', productId, { productId, sellerId, publishedAt: time(2) });
    emit('marketplace.catalog.StockAdjusted.v1', productId, { productId, sellerId, onHand: p.available, available: p.available, adjustedAt: time(3) });
  }
  return { events, product, category };
}
