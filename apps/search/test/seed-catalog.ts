import { createCloudEvent, type MarketplaceEvent } from '@marketplace/contracts';

/** Ids that read as what they are: `<kind>0000000-0000-4000-8000-<n in hex>`. */
export function seedId(kind: 'a' | 'b' | 'c' | 'd' | 'e' | 'f', n: number): string {
  return `${kind}0000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

export interface SeedCategory {
  id: string;
  parentId: string | null;
  name: string;
  slug: string;
}

/** A product as the catalog left it after every seeded event: what search must show (when published). */
export interface SeedProduct {
  id: string;
  sellerId: string;
  categoryId: string;
  title: string;
  description: string;
  price: number;
  /** The `material` attribute's one value. */
  material: string;
  status: 'draft' | 'published' | 'archived';
  available: number;
  ratings: number[];
  publishedAt?: string;
}

export interface SeedCatalog {
  /** The tree after the seeded renames and moves. */
  categories: SeedCategory[];
  products: SeedProduct[];
  events: MarketplaceEvent[];
  /** Fixtures the relevance tests name. */
  fixtures: { aurora: string; pouch: string; coffee: string; outerwear: string; boots: string; electronics: string };
}

const TREE: { name: string; children: { name: string; children: { name: string; nouns: string[] }[] }[] }[] = [
  {
    name: 'Electronics',
    children: [
      { name: 'Audio', children: [{ name: 'Headphones', nouns: ['headphones', 'earbuds'] }, { name: 'Speakers', nouns: ['speaker', 'soundbar'] }] },
      { name: 'Computers', children: [{ name: 'Laptops', nouns: ['laptop', 'notebook'] }, { name: 'Keyboards', nouns: ['keyboard', 'keypad'] }] },
    ],
  },
  {
    name: 'Home',
    children: [
      { name: 'Kitchen', children: [{ name: 'Cookware', nouns: ['skillet', 'saucepan'] }, { name: 'Coffee', nouns: ['grinder', 'kettle'] }] },
      { name: 'Furniture', children: [{ name: 'Chairs', nouns: ['chair', 'stool'] }, { name: 'Desks', nouns: ['desk', 'workbench'] }] },
    ],
  },
  {
    name: 'Fashion',
    children: [
      { name: 'Shoes', children: [{ name: 'Running', nouns: ['sneakers', 'trainers'] }, { name: 'Boots', nouns: ['boots', 'wellingtons'] }] },
      { name: 'Outerwear', children: [{ name: 'Jackets', nouns: ['jacket', 'parka'] }, { name: 'Coats', nouns: ['coat', 'raincoat'] }] },
    ],
  },
];

const BRANDS = ['Nordlys', 'Kestrel', 'Bramble', 'Quill', 'Solace', 'Tundra', 'Vireo', 'Harbor'];
const ADJECTIVES = ['compact', 'classic', 'rugged', 'premium', 'lightweight', 'vintage', 'modern', 'sturdy'];
const COLOURS = ['charcoal', 'ivory', 'olive', 'navy', 'crimson'];
const BASE_TIME = Date.parse('2026-01-01T00:00:00.000Z');
const at = (seconds: number) => new Date(BASE_TIME + seconds * 1000).toISOString();

/**
 * A deterministic catalog as the events catalog would publish: a three-level category tree, `count`
 * products by five sellers (drafts, published, archived; prices changed, descriptions edited, stock set
 * and reserved, reviews), then a category renamed and one moved.
 */
export function seedCatalog(count: number): SeedCatalog {
  let eventNo = 0;
  const events: MarketplaceEvent[] = [];
  const emit = (type: Parameters<typeof createCloudEvent>[0]['type'], subject: string, data: object, seconds: number) => {
    eventNo += 1;
    events.push(createCloudEvent({ id: seedId('e', eventNo), time: at(seconds), source: 'catalog', type, subject, data } as Parameters<typeof createCloudEvent>[0]));
  };

  const categories: SeedCategory[] = [];
  const leaves: { id: string; nouns: string[] }[] = [];
  const addCategory = (name: string, parentId: string | null) => {
    const category = { id: seedId('c', categories.length + 1), parentId, name, slug: name.toLowerCase().replace(/[^a-z0-9]+/g, '-') };
    categories.push(category);
    emit('marketplace.catalog.CategoryCreated.v1', category.id, { categoryId: category.id, parentId, name, slug: category.slug, createdAt: at(0) }, 0);
    return category.id;
  };
  for (const top of TREE) {
    const topId = addCategory(top.name, null);
    for (const middle of top.children) {
      const middleId = addCategory(middle.name, topId);
      for (const leaf of middle.children) leaves.push({ id: addCategory(leaf.name, middleId), nouns: leaf.nouns });
    }
  }
  const byName = (name: string) => categories.find((c) => c.name === name) as SeedCategory;

  const products: SeedProduct[] = [];
  for (let i = 0; i < count; i += 1) {
    const leaf = leaves[i % leaves.length];
    const noun = leaf.nouns[Math.floor(i / leaves.length) % leaf.nouns.length];
    const product: SeedProduct = {
      id: seedId('d', i + 1),
      sellerId: seedId('a', (i % 5) + 1),
      categoryId: leaf.id,
      title: `${BRANDS[i % BRANDS.length]} ${ADJECTIVES[Math.floor(i / 3) % ADJECTIVES.length]} ${noun} m${i}`,
      description: `A ${COLOURS[i % COLOURS.length]} ${noun} for everyday use.`,
      // Many equal prices, so that paging must break ties by id.
      price: 500 + ((i * 7919) % 200) * 150,
      material: i % 2 === 0 ? 'recycled' : 'aluminium',
      status: i % 10 === 8 ? 'draft' : i % 10 === 9 ? 'archived' : 'published',
      available: i % 7 === 0 ? 0 : (i % 50) + 1,
      ratings: i % 4 === 0 ? [(i % 5) + 1, ((i + 2) % 5) + 1] : [],
    };
    if (i === 0) Object.assign(product, { title: 'Aurora Noise Cancelling Headphones', categoryId: byName('Headphones').id });
    if (i === 1) Object.assign(product, { title: 'Travel Pouch', description: 'Fits most headphones and their cables.', categoryId: byName('Desks').id });
    products.push(product);
  }

  products.forEach((product, i) => {
    const t = 10 + i;
    const money = (amount: number) => ({ amount, currency: 'EUR' });
    const edited = i % 17 === 0;
    const repriced = i % 11 === 0;
    emit('marketplace.catalog.ProductCreated.v1', product.id, {
      productId: product.id,
      sellerId: product.sellerId,
      categoryId: product.categoryId,
      title: product.title,
      description: edited ? 'First draft of the description.' : product.description,
      attributes: { colour: [COLOURS[i % COLOURS.length]], material: [product.material] },
      imageUrls: [`https://img.example.com/${i}.jpg`],
      price: money(repriced ? product.price + 1000 : product.price),
      createdAt: at(t),
    }, t);
    if (edited) {
      emit('marketplace.catalog.ProductUpdated.v1', product.id, {
        productId: product.id,
        sellerId: product.sellerId,
        categoryId: product.categoryId,
        title: product.title,
        description: product.description,
        attributes: { colour: [COLOURS[i % COLOURS.length]], material: [product.material] },
        imageUrls: [],
        updatedAt: at(t),
      }, t);
    }
    if (repriced) {
      emit('marketplace.catalog.ProductPriceChanged.v1', product.id, {
        productId: product.id, sellerId: product.sellerId, previousPrice: money(product.price + 1000), price: money(product.price), changedAt: at(t),
      }, t);
    }
    if (product.status !== 'draft') {
      // Published in groups of three at the same second: `newest` must break ties by id.
      product.publishedAt = at(100_000 + Math.floor(i / 3));
      emit('marketplace.catalog.ProductPublished.v1', product.id, { productId: product.id, sellerId: product.sellerId, publishedAt: product.publishedAt }, t);
    }
    if (product.status === 'archived') {
      emit('marketplace.catalog.ProductArchived.v1', product.id, { productId: product.id, sellerId: product.sellerId, archivedAt: at(t + 1) }, t + 1);
    }
    const reserved = i % 13 === 0 && product.available > 0 ? 1 : 0;
    emit('marketplace.catalog.StockAdjusted.v1', product.id, {
      productId: product.id, sellerId: product.sellerId, onHand: product.available + reserved, available: product.available + reserved, adjustedAt: at(t),
    }, t);
    if (reserved) {
      const orderId = seedId('f', i + 1);
      emit('marketplace.catalog.StockReserved.v1', orderId, {
        orderId, lines: [{ productId: product.id, quantity: 1, available: product.available }], reservedAt: at(t + 2),
      }, t + 2);
    }
    product.ratings.forEach((rating, r) => {
      emit('marketplace.catalog.ReviewPosted.v1', product.id, {
        reviewId: seedId('b', i * 10 + r + 1), productId: product.id, authorId: seedId('a', 100 + r), rating, postedAt: at(t + 3),
      }, t + 3);
    });
  });

  // After the products: a rename (their text must follow) and a move (their subtree filters must follow).
  const coffee = byName('Coffee');
  coffee.name = 'Coffee and Tea';
  coffee.slug = 'coffee-and-tea';
  emit('marketplace.catalog.CategoryRenamed.v1', coffee.id, { categoryId: coffee.id, name: coffee.name, slug: coffee.slug, renamedAt: at(200_000) }, 200_000);
  const boots = byName('Boots');
  const outerwear = byName('Outerwear');
  emit('marketplace.catalog.CategoryMoved.v1', boots.id, { categoryId: boots.id, fromParentId: boots.parentId, toParentId: outerwear.id, movedAt: at(200_001) }, 200_001);
  boots.parentId = outerwear.id;

  return {
    categories,
    products,
    events,
    fixtures: { aurora: products[0].id, pouch: products[1].id, coffee: coffee.id, outerwear: outerwear.id, boots: boots.id, electronics: byName('Electronics').id },
  };
}
