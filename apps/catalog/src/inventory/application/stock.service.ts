import { KNEX } from '@marketplace/platform';
import { Outbox } from '@marketplace/messaging';
import { Inject, Injectable } from '@nestjs/common';
import type { Knex } from 'knex';
import { CLOCK, type Clock } from '@marketplace/kernel';
import { type Actor } from '../../domain/actor';
import { ProductNotFoundError } from '../../domain/errors';
import { assertMayManageStock, assertMaySetStock } from '../domain/stock-owner';
import { available, setOnHand, type StockLevel } from '../domain/stock-level';
import { InventoryRepository } from '../infrastructure/inventory-repository';
import { ProductSellers } from '../infrastructure/product-sellers';
import { CloudEventFactory } from '@marketplace/contracts';

export interface StockView {
  productId: string;
  onHand: number;
  reserved: number;
  available: number;
}

const view = (level: StockLevel): StockView => ({ productId: level.productId, onHand: level.onHand, reserved: level.reserved, available: available(level) });

/** Sellers count their stock; anyone reads a product's availability. */
@Injectable()
export class StockService {
  constructor(
    @Inject(KNEX) private readonly db: Knex,
    private readonly outbox: Outbox,
    private readonly repository: InventoryRepository,
    private readonly sellers: ProductSellers,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly events: CloudEventFactory,
  ) {}

  /** A listed product that was never counted has nothing on hand. */
  async get(productId: string): Promise<StockView> {
    const level = await this.repository.find(this.db, productId);
    if (level) return view(level);
    const sellerId = await this.sellers.sellerOf(this.db, productId);
    if (!sellerId) throw new ProductNotFoundError();
    return view({ productId, sellerId, onHand: 0, reserved: 0 });
  }

  /** Sets the quantity on hand (the row is made on the first count) and publishes StockAdjusted with it. */
  async setOnHand(actor: Actor, productId: string, onHand: number): Promise<StockView> {
    assertMayManageStock(actor);
    const at = this.clock.now();
    return this.db.transaction(async (trx) => {
      const sellerId = await this.sellers.sellerOf(trx, productId);
      if (!sellerId) throw new ProductNotFoundError();
      assertMaySetStock(actor, sellerId);
      const level = await this.repository.lockOrCreate(trx, productId, sellerId, at);
      const next = setOnHand(level, onHand);
      await this.repository.save(trx, [next], at);
      await this.outbox.enqueue(trx, [
        this.events.create('marketplace.catalog.StockAdjusted.v1', productId, { productId, sellerId, onHand: next.onHand, available: available(next), adjustedAt: at.toISOString() }, { at }),
      ]);
      return view(next);
    });
  }
}
