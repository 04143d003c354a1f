import { waitFor } from '@marketplace/testing';
import { randomUUID } from 'node:crypto';
import type { Caller, NotificationsTestApp } from '../notifications-app';

const eur = (amount: number) => ({ amount, currency: 'EUR' });
const projected = (app: NotificationsTestApp, table: string, where: Record<string, string>, what: string) =>
  waitFor(async () => (await app.db(table).where(where).first()) !== undefined, { timeoutMs: 20_000, description: what });

/** A user identity announced and in the directory (names in views, addresses of notifications). */
export async function registeredUser(app: NotificationsTestApp, name: string, roles: Array<'buyer' | 'seller' | 'admin'> = ['buyer']): Promise<Caller> {
  const userId = randomUUID();
  await app.publish('marketplace.identity.UserRegistered.v2', userId, { userId, email: `${userId.slice(0, 8)}@example.com`, displayName: name, locale: 'en', phone: null, registeredAt: new Date().toISOString() });
  await projected(app, 'users', { id: userId }, `user ${name} in the directory`);
  return app.caller(roles, userId);
}

/** A product of the seller that conversations know about. */
export async function listedProduct(app: NotificationsTestApp, sellerId: string, title = 'Merino scarf'): Promise<string> {
  const productId = randomUUID();
  const createdAt = new Date().toISOString();
  await app.publish('marketplace.catalog.ProductCreated.v1', productId, { productId, sellerId, categoryId: randomUUID(), title, description: '', attributes: {}, imageUrls: [], price: eur(4500), createdAt });
  await projected(app, 'conversation_products', { product_id: productId }, `product ${productId} projected`);
  return productId;
}

/** An order of the buyer with one line of each seller, that conversations know about. */
export async function placedOrder(app: NotificationsTestApp, buyerId: string, sellerIds: string[]): Promise<string> {
  const orderId = randomUUID();
  const lines = sellerIds.map((sellerId) => ({ productId: randomUUID(), sellerId, title: 'Alpaca mittens', quantity: 1, unitPrice: eur(2950), lineTotal: eur(2950) }));
  const subtotal = eur(2950 * lines.length);
  const shippingAddress = { recipientName: 'Ann', line1: '1 Main St', city: 'Berlin', postalCode: '10115', country: 'DE' };
  const placedAt = new Date().toISOString();
  await app.publish('marketplace.orders.OrderPlaced.v3', orderId, { orderId, buyerId, lines, subtotal, shipping: eur(0), tax: eur(0), total: subtotal, shippingAddress, paymentMethod: 'pm_card_visa', placedAt });
  await projected(app, 'conversation_orders', { order_id: orderId }, `order ${orderId} projected`);
  return orderId;
}

/** A buyer's new conversation with a seller about one of the seller's products; returns its view. */
export async function opened(app: NotificationsTestApp, buyer: Caller, seller: Caller, message = 'Is this scarf still available?') {
  const productId = await listedProduct(app, seller.id);
  const response = await app.call('POST', '/conversations', { as: buyer, body: { subject: { type: 'product', productId }, sellerId: seller.id, message } });
  if (response.status !== 201) throw new Error(`opening answered ${response.status}: ${JSON.stringify(response.body)}`);
  return response.body;
}
