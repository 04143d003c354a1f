import { randomUUID } from 'node:crypto';
import { waitFor } from '@marketplace/testing';
import type { HttpAnswer } from './http-client';
import type { MarketplaceStack } from './marketplace-stack';
import { expectOk, login, makeSeller, registerAndLogin } from './users';

export const SHIPPING_ADDRESS = { recipientName: 'Ada Lovelace', line1: '12 St James Square', city: 'London', postalCode: 'SW1Y 4JH', country: 'GB' };
const FINAL = ['confirmed', 'cancelled'];

/** The people of a checkout, acting through the gateway as a client app would. */
export class MarketplaceActors {
  private adminToken?: string;
  private categoryId?: string;

  constructor(private readonly stack: MarketplaceStack) {}

  async admin(): Promise<string> {
    this.adminToken ??= (await login(this.stack.api, this.stack.admin.email, this.stack.admin.password)).accessToken;
    return this.adminToken;
  }

  async buyer(): Promise<{ id: string; token: string; email: string }> {
    const user = await registerAndLogin(this.stack.api);
    return { id: user.id, token: user.session.accessToken, email: user.credentials.email };
  }

  async seller(): Promise<{ id: string; token: string; email: string }> {
    const user = await makeSeller(this.stack.api, await this.admin());
    return { id: user.id, token: user.session.accessToken, email: user.credentials.email };
  }

  /** A published product with `onHand` units, once orders' price list knows it. */
  async product(seller: { token: string }, options: { price?: number; currency?: string; onHand: number; title?: string }): Promise<string> {
    const { api } = this.stack;
    this.categoryId ??= (await this.expect(201, api.post('/categories', { name: `Checkout ${randomUUID().slice(0, 8)}` }, await this.admin()))).id as string;
    const created = await this.expect(201, api.post('/products', { title: options.title ?? 'Linen apron', price: { amount: options.price ?? 2500, currency: options.currency ?? 'EUR' }, categoryId: this.categoryId }, seller.token));
    const productId = created.id as string;
    await this.expect(200, api.request(`/products/${productId}/publish`, { method: 'POST', token: seller.token }));
    await this.expect(200, api.request(`/products/${productId}/inventory`, { method: 'PUT', json: { onHand: options.onHand }, token: seller.token }));
    await waitFor(async () => (await this.stack.db('orders.price_list').where({ product_id: productId, status: 'published' }).first()) !== undefined, {
      timeoutMs: 60_000,
      description: `product ${productId} in orders' price list`,
    });
    return productId;
  }

  /**
   * POST /orders as a client that retries: the same Idempotency-Key again after a 5xx or a failed
   * connection (a service restarting), until an answer that is not an outage.
   */
  async checkoutRetrying(buyer: { token: string }, productId: string, paymentMethod: string, timeoutMs = 180_000): Promise<string> {
    const key = randomUUID();
    const body = { items: [{ productId, quantity: 1 }], shippingAddress: SHIPPING_ADDRESS, paymentMethod };
    return waitFor(
      async () => {
        const answer = await this.stack.api.request('/orders', { method: 'POST', json: body, token: buyer.token, headers: { 'idempotency-key': key } }).catch(() => undefined);
        if (!answer || answer.status >= 500) return undefined;
        expectOk(answer, 202, 'POST /orders');
        return (answer.body as { orderId: string }).orderId;
      },
      { timeoutMs, intervalMs: 500, description: 'the order to be accepted' },
    );
  }

  /** POST /orders for one product; returns the order id. */
  async checkout(buyer: { token: string }, productId: string, options: { quantity?: number; paymentMethod?: string | Record<string, string>; requestId?: string } = {}): Promise<string> {
    const answer = await this.stack.api.request('/orders', {
      method: 'POST',
      json: { items: [{ productId, quantity: options.quantity ?? 1 }], shippingAddress: SHIPPING_ADDRESS, paymentMethod: options.paymentMethod ?? 'pm_card_visa' },
      token: buyer.token,
      headers: { 'idempotency-key': randomUUID(), ...(options.requestId && { 'x-request-id': options.requestId }) },
    });
    return (await this.expect(202, Promise.resolve(answer))).orderId as string;
  }

  /** The order once it is confirmed or cancelled, as its buyer reads it. */
  async finalOrder(buyer: { token: string }, orderId: string, timeoutMs = 60_000): Promise<Record<string, unknown>> {
    return waitFor(
      async () => {
        const answer = await this.stack.api.get(`/orders/${orderId}`, buyer.token).catch(() => undefined);
        const order = (answer?.body ?? {}) as { status?: string };
        return answer?.status === 200 && FINAL.includes(order.status ?? '') ? (order as Record<string, unknown>) : undefined;
      },
      { timeoutMs, intervalMs: 100, description: `order ${orderId} to be confirmed or cancelled` },
    );
  }

  async stock(productId: string): Promise<{ onHand: number; reserved: number }> {
    const row = await this.stack.db('catalog.inventory_items').where({ product_id: productId }).first('on_hand', 'reserved');
    return { onHand: row.on_hand, reserved: row.reserved };
  }

  private async expect(status: number, answer: Promise<HttpAnswer>): Promise<Record<string, unknown>> {
    const resolved = await answer;
    expectOk(resolved, status, 'request');
    return resolved.body as Record<string, unknown>;
  }
}
