import { stableHash } from './slug';

/** Where a demo order is left: each state a client app must show. */
export type DemoOrderTarget = 'delivered' | 'shipped' | 'confirmed' | 'awaiting_payment' | 'cancelled';

export interface DemoOrder {
  /** Stable name: the Idempotency-Key of its POST /orders derives from it. */
  key: string;
  buyer: number;
  /** Product slugs, one unit each. */
  products: string[];
  target: DemoOrderTarget;
  paymentMethod: string;
}

/** Lines per delivered order: below orders' limit of 50, so that each stays a readable order. */
const LINES_PER_ORDER = 40;

/** Stripe's test PaymentMethods, played by payments' simulated provider. */
const PAYMENT_FOR: Record<DemoOrderTarget, string> = {
  delivered: 'pm_card_visa',
  shipped: 'pm_card_visa',
  confirmed: 'pm_card_mastercard',
  // The simulated buyer never completes 3-D Secure: the order waits for payment until its timeout.
  awaiting_payment: 'pm_card_threeDSecure2Required',
  cancelled: 'pm_card_chargeDeclined',
};

/**
 * Which buyers bought (and received, and reviewed) each product: one to three of them, so that every
 * product has reviews. Product i goes to buyers i, i+3, i+6 (mod the buyer count), spreading the load.
 */
export function reviewersOf(productIndex: number, buyerCount: number): number[] {
  const count = 1 + (stableHash(`reviews/${productIndex}`) % 3);
  return [...new Set(Array.from({ length: count }, (_, k) => (productIndex + 3 * k) % buyerCount))];
}

/** Delivered orders carrying every review's purchase, then one order in each other state. */
export function demoOrders(productSlugs: readonly string[], buyerCount: number): DemoOrder[] {
  const bought = Array.from({ length: buyerCount }, () => [] as string[]);
  productSlugs.forEach((slug, index) => reviewersOf(index, buyerCount).forEach((buyer) => bought[buyer].push(slug)));
  const delivered = bought.flatMap((slugs, buyer) => chunks(slugs, LINES_PER_ORDER).map((products, n) => order(`delivered-${n + 1}`, buyer, products, 'delivered')));
  const product = (n: number) => productSlugs[(n * 37) % productSlugs.length];
  const others = [
    order('shipped', 0, [product(1), product(2)], 'shipped'),
    order('awaiting-payment', 0, [product(3)], 'awaiting_payment'),
    order('confirmed', 1 % buyerCount, [product(4), product(5), product(6)], 'confirmed'),
    order('cancelled', 1 % buyerCount, [product(7)], 'cancelled'),
    order('confirmed', 2 % buyerCount, [product(8)], 'confirmed'),
  ];
  return [...delivered, ...others];
}

function order(name: string, buyer: number, products: string[], target: DemoOrderTarget): DemoOrder {
  return { key: `demo-seed/buyer-${buyer}/${name}`, buyer, products, target, paymentMethod: PAYMENT_FOR[target] };
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, n) => items.slice(n * size, (n + 1) * size));
}
