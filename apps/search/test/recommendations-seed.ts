import { randomUUID } from 'node:crypto';
import { createCloudEvent, type EventType, type MarketplaceEvent } from '@marketplace/contracts';

/** The history the recommendations suite seeds: a small catalog and orders, every outcome of checkout included. */
export interface SeededProduct {
  id: string;
  topCategoryId: string;
  /** What search may recommend: published now and in stock. */
  offered: boolean;
  published: boolean;
}

export interface SeededOrder {
  id: string;
  products: string[];
  /** Confirmed and never cancelled: the only orders that are purchases. */
  purchased: boolean;
  confirmedAt?: string;
}

export interface SeededHistory {
  products: SeededProduct[];
  orders: SeededOrder[];
  /** Published on the bus, in order. */
  published: MarketplaceEvent[];
  /** Appended to search's log before anything is published: events the contracts would refuse on the bus. */
  logged: MarketplaceEvent[];
}

const DAY_MS = 86_400_000;

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

export function seedHistory(now: Date): SeededHistory {
  const next = random(20260301);
  let clock = now.getTime() - 120 * DAY_MS;
  const event = <T extends EventType>(type: T, subject: string, data: Record<string, unknown>): MarketplaceEvent => {
    clock += 1000;
    return createCloudEvent({ id: randomUUID(), time: new Date(clock).toISOString(), source: 'test', type, subject, data } as never);
  };
  const at = () => new Date(clock).toISOString();
  const published: MarketplaceEvent[] = [];
  const sellerId = randomUUID();

  const categories = new Map<string, string>();
  for (const [name, parent] of [['home', null], ['lighting', 'home'], ['textiles', 'home'], ['garden', null], ['tools', 'garden']] as const) {
    const categoryId = randomUUID();
    categories.set(name, categoryId);
    const parentId = parent === null ? null : categories.get(parent);
    published.push(event('marketplace.catalog.CategoryCreated.v1', categoryId, { categoryId, parentId, name, slug: name, createdAt: at() }));
  }

  const products: SeededProduct[] = [];
  const layout = [...Array(5).fill('lighting'), ...Array(5).fill('textiles'), ...Array(5).fill('tools')] as string[];
  layout.forEach((category, i) => {
    const productId = randomUUID();
    const categoryId = categories.get(category) as string;
    // One product archived after it sold, one out of stock, one never published.
    const archived = i === 1;
    const outOfStock = i === 6;
    const draft = i === 12;
    published.push(
      event('marketplace.catalog.ProductCreated.v1', productId, {
        productId, sellerId, categoryId, title: `Product ${i}`, description: '', attributes: {}, imageUrls: [], price: { amount: 1000 + i, currency: 'EUR' }, createdAt: at(),
      }),
      event('marketplace.catalog.StockAdjusted.v1', productId, { productId, sellerId, onHand: outOfStock ? 0 : 5, available: outOfStock ? 0 : 5, adjustedAt: at() }),
    );
    if (!draft) published.push(event('marketplace.catalog.ProductPublished.v1', productId, { productId, sellerId, publishedAt: at() }));
    if (archived) published.push(event('marketplace.catalog.ProductArchived.v1', productId, { productId, sellerId, archivedAt: at() }));
    const topCategoryId = categories.get(category === 'tools' ? 'garden' : 'home') as string;
    products.push({ id: productId, topCategoryId, published: !draft && !archived, offered: !draft && !archived && !outOfStock });
  });

  const orders: SeededOrder[] = [];
  for (let n = 0; n < 90; n++) {
    const orderId = randomUUID();
    // Baskets lean on the first products of a category, so that pairs repeat and reach the minimum support.
    const size = 1 + Math.floor(next() * 4);
    const basket = [...new Set(Array.from({ length: size }, () => products[Math.floor(next() ** 1.6 * products.length)].id))];
    const lines = basket.map((productId) => ({ productId, sellerId, title: 'x', quantity: 1 + Math.floor(next() * 3), unitPrice: eur(1000), lineTotal: eur(0) }));
    for (const line of lines) line.lineTotal = eur(1000 * line.quantity);
    published.push(placed(event, orderId, lines, n % 3, at()));
    const outcome = next();
    const order: SeededOrder = { id: orderId, products: basket, purchased: false };
    if (outcome < 0.7) {
      // Confirmed from 0 to 40 days ago, a few long ago (beyond the popularity horizon).
      const daysAgo = n % 17 === 0 ? 100 : next() * 40;
      order.confirmedAt = new Date(now.getTime() - daysAgo * DAY_MS).toISOString();
      published.push(event('marketplace.orders.OrderConfirmed.v1', orderId, { orderId, buyerId: BUYER, paymentId: randomUUID(), confirmedAt: order.confirmedAt }));
      order.purchased = outcome < 0.6;
    }
    // Cancelled after placement: before confirmation (0.7-0.85), or after it (0.6-0.7, the stock released).
    if (outcome >= 0.6 && outcome < 0.85) published.push(event('marketplace.orders.OrderCancelled.v2', orderId, { orderId, buyerId: BUYER, reason: 'by_admin', cancelledAt: at() }));
    orders.push(order);
  }
  const unknownOrder = randomUUID();
  published.push(event('marketplace.orders.OrderConfirmed.v1', unknownOrder, { orderId: unknownOrder, buyerId: BUYER, paymentId: randomUUID(), confirmedAt: at() }));

  const repeated = repeatedProductOrder(products[0].id, products[2].id, sellerId, now);
  orders.push(repeated.order);
  published.push(repeated.confirmed);
  return { products, orders, published, logged: [repeated.placed] };
}

const BUYER = '0b000000-0000-4000-8000-000000000001';
const eur = (amount: number) => ({ amount, currency: 'EUR' });
const address = { recipientName: 'Ada Lovelace', line1: '12 St James Square', city: 'London', postalCode: 'SW1Y 4JH', country: 'GB' };

/** OrderPlaced in each of its versions (v1 and v2 reach search upcast to v3). */
function placed(event: (type: EventType, subject: string, data: Record<string, unknown>) => MarketplaceEvent, orderId: string, lines: { lineTotal: { amount: number } }[], version: number, placedAt: string): MarketplaceEvent {
  const subtotal = eur(lines.reduce((sum, line) => sum + line.lineTotal.amount, 0));
  const common = { orderId, buyerId: BUYER, lines, shippingAddress: address, placedAt };
  if (version === 0) return event('marketplace.orders.OrderPlaced.v1', orderId, { ...common, total: subtotal, paymentMethod: 'pm_card_visa' });
  const figures = { subtotal, shipping: eur(0), tax: eur(0), total: subtotal };
  if (version === 1) return event('marketplace.orders.OrderPlaced.v2', orderId, { ...common, ...figures, paymentMethod: 'pm_card_visa' });
  return event('marketplace.orders.OrderPlaced.v3', orderId, { ...common, ...figures, paymentMethod: { type: 'mobile_money', provider: 'paynow', phone: '+263771234567' } });
}

/**
 * An order with one product on two lines, which the contracts refuse (one line per product), written to
 * search's log as it stands, to show that an order counts once per product all the same.
 */
function repeatedProductOrder(productId: string, otherId: string, sellerId: string, now: Date) {
  const orderId = randomUUID();
  const line = (id: string) => ({ productId: id, sellerId, title: 'x', quantity: 1, unitPrice: eur(1000), lineTotal: eur(1000) });
  const time = new Date(now.getTime() - 200 * DAY_MS).toISOString();
  const placedEvent = {
    id: randomUUID(), source: 'test', type: 'marketplace.orders.OrderPlaced.v3', specversion: '1.0', time, subject: orderId, datacontenttype: 'application/json',
    data: { orderId, buyerId: BUYER, lines: [line(productId), line(otherId), line(productId)], subtotal: eur(3000), shipping: eur(0), tax: eur(0), total: eur(3000), shippingAddress: address, paymentMethod: 'pm_card_visa', placedAt: time },
  } as unknown as MarketplaceEvent;
  const confirmedAt = new Date(now.getTime() - 2 * DAY_MS).toISOString();
  const confirmed = createCloudEvent({ id: randomUUID(), time: confirmedAt, source: 'test', type: 'marketplace.orders.OrderConfirmed.v1', subject: orderId, data: { orderId, buyerId: BUYER, paymentId: randomUUID(), confirmedAt } });
  return { placed: placedEvent, confirmed, order: { id: orderId, products: [productId, otherId], purchased: true, confirmedAt } };
}
