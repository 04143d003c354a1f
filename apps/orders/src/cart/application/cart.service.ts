import { CLOCK, type Clock } from '@marketplace/kernel';
import { KNEX } from '@marketplace/platform';
import { Inject, Injectable } from '@nestjs/common';
import type { Knex } from 'knex';
import { PriceListRepository } from '../../price-list/infrastructure/price-list-repository';
import { CartItemNotFoundError, putInCart } from '../domain/cart';
import { type CartView, viewCart } from '../domain/cart-view';
import { CartRepository } from '../infrastructure/cart-repository';

/** A buyer's cart: products from orders' price list, changes serialised per buyer. */
@Injectable()
export class CartService {
  constructor(
    @Inject(KNEX) private readonly db: Knex,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly carts: CartRepository,
    private readonly prices: PriceListRepository,
  ) {}

  async view(buyerId: string): Promise<CartView> {
    const items = await this.carts.items(this.db, buyerId);
    return viewCart(items, await this.prices.find(this.db, items.map((item) => item.productId)));
  }

  add(buyerId: string, productId: string, quantity: number): Promise<CartView> {
    return this.change(buyerId, productId, { add: quantity }, false);
  }

  setQuantity(buyerId: string, productId: string, quantity: number): Promise<CartView> {
    return this.change(buyerId, productId, { exactly: quantity }, true);
  }

  async remove(buyerId: string, productId: string): Promise<CartView> {
    if ((await this.carts.remove(this.db, buyerId, [productId])) === 0) throw new CartItemNotFoundError();
    return this.view(buyerId);
  }

  private async change(buyerId: string, productId: string, change: { add: number } | { exactly: number }, mustExist: boolean): Promise<CartView> {
    await this.db.transaction(async (trx) => {
      const cart = await this.carts.items(trx, buyerId);
      if (mustExist && !cart.some((item) => item.productId === productId)) throw new CartItemNotFoundError();
      const entry = (await this.prices.find(trx, [productId])).get(productId);
      const item = putInCart(cart, entry, change);
      const now = this.clock.now();
      await this.carts.save(trx, buyerId, item, now);
      if ('add' in change) await this.carts.recordAddition(trx, buyerId, item, now);
    });
    return this.view(buyerId);
  }
}
