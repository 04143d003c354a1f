import { randomUUID } from 'node:crypto';
import type { NotificationsTestApp } from './notifications-app';

const eur = (amount: number) => ({ amount, currency: 'EUR' });

/** A user identity announced: in the directory once notifications has taken the events. */
export async function registerUser(app: NotificationsTestApp, options: { userId?: string; name?: string; roles?: Array<'seller' | 'admin'>; email?: string; locale?: string; phone?: string } = {}) {
  const userId = options.userId ?? randomUUID();
  const email = options.email ?? `${userId.slice(0, 8)}@example.com`;
  const at = new Date().toISOString();
  await app.publish('marketplace.identity.UserRegistered.v2', userId, { userId, email, displayName: options.name ?? 'Ann Buyer', locale: options.locale ?? 'en', phone: options.phone ?? null, registeredAt: at });
  for (const role of options.roles ?? []) await app.publish('marketplace.identity.RoleGranted.v1', userId, { userId, role, grantedBy: null, grantedAt: at });
  return { userId, email };
}

/**
 * OrderPlaced for two lines of one seller: 2 x 45.00 (scarf) + 1 x 29.50 (mittens), shipping 4.99, tax 24.90,
 * total 149.39 EUR.
 */
export async function placeOrder(app: NotificationsTestApp, buyerId: string, sellerId: string, orderId: string = randomUUID(), products = { scarf: randomUUID(), mittens: randomUUID() }) {
  await app.publish('marketplace.orders.OrderPlaced.v3', orderId, {
    orderId,
    buyerId,
    lines: [
      { productId: products.scarf, sellerId, title: 'Merino scarf', quantity: 2, unitPrice: eur(4500), lineTotal: eur(9000) },
      { productId: products.mittens, sellerId, title: 'Alpaca mittens', quantity: 1, unitPrice: eur(2950), lineTotal: eur(2950) },
    ],
    subtotal: eur(11950),
    shipping: eur(499),
    tax: eur(2490),
    total: eur(14939),
    shippingAddress: { recipientName: 'Ann', line1: '1 Main St', city: 'Berlin', postalCode: '10115', country: 'DE' },
    paymentMethod: 'pm_card_visa',
    placedAt: new Date().toISOString(),
  });
  return orderId;
}

export async function confirmOrder(app: NotificationsTestApp, orderId: string, buyerId: string, eventId?: string) {
  return app.publish('marketplace.orders.OrderConfirmed.v1', orderId, { orderId, buyerId, paymentId: randomUUID(), confirmedAt: new Date().toISOString() }, eventId);
}
