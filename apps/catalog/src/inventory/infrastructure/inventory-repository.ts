import type { Knex } from 'knex';
import type { Reservation, ReservationStatus } from '../domain/reservation';
import type { Shortage, StockRequest } from '../domain/reservation-plan';
import type { StockLevel } from '../domain/stock-level';

interface InventoryRow {
  product_id: string;
  seller_id: string;
  on_hand: number;
  reserved: number;
}

interface ReservationRow {
  order_id: string;
  status: ReservationStatus;
  lines: StockRequest[];
}

const toLevel = (row: InventoryRow): StockLevel => ({ productId: row.product_id, sellerId: row.seller_id, onHand: row.on_hand, reserved: row.reserved });

/** Stock and reservation rows of the catalog schema (the pool's search path starts with it). */
export class InventoryRepository {
  async find(db: Knex, productId: string): Promise<StockLevel | undefined> {
    const row = await db<InventoryRow>('inventory_items').where({ product_id: productId }).first();
    return row && toLevel(row);
  }

  /**
   * Locks the rows of these products, always in product id order, so that two transactions locking
   * overlapping sets queue up instead of deadlocking. Products without a row are simply absent.
   */
  async lock(trx: Knex.Transaction, productIds: readonly string[]): Promise<StockLevel[]> {
    if (productIds.length === 0) return [];
    const rows = await trx<InventoryRow>('inventory_items')
      .whereIn('product_id', [...productIds])
      .orderBy('product_id')
      .forUpdate();
    return rows.map(toLevel);
  }

  /** Creates the product's row (nothing on hand) unless it exists, then locks it. */
  async lockOrCreate(trx: Knex.Transaction, productId: string, sellerId: string, at: Date): Promise<StockLevel> {
    await trx('inventory_items').insert({ product_id: productId, seller_id: sellerId, on_hand: 0, reserved: 0, updated_at: at }).onConflict('product_id').ignore();
    const [level] = await this.lock(trx, [productId]);
    return level;
  }

  async save(trx: Knex.Transaction, levels: readonly StockLevel[], at: Date): Promise<void> {
    for (const level of levels) {
      await trx('inventory_items').where({ product_id: level.productId }).update({ on_hand: level.onHand, reserved: level.reserved, updated_at: at });
    }
  }

  /**
   * Claims the order id for a reservation. The primary key makes a second claim of the same order
   * wait for the first transaction and then find the row taken: false, and nothing happens twice.
   */
  async claim(trx: Knex.Transaction, orderId: string, lines: readonly StockRequest[], at: Date): Promise<boolean> {
    const result = await trx.raw(
      `insert into reservations (order_id, status, lines, created_at, updated_at) values (?, 'reserved', ?::jsonb, ?, ?) on conflict (order_id) do nothing`,
      [orderId, JSON.stringify(lines), at, at],
    );
    return (result as { rowCount: number }).rowCount === 1;
  }

  async markFailed(trx: Knex.Transaction, orderId: string, shortages: readonly Shortage[], at: Date): Promise<void> {
    await trx('reservations').where({ order_id: orderId }).update({ status: 'failed', shortages: JSON.stringify(shortages), updated_at: at });
  }

  async lockReservation(trx: Knex.Transaction, orderId: string): Promise<Reservation | undefined> {
    const row = await trx<ReservationRow>('reservations').where({ order_id: orderId }).forUpdate().first();
    return row && { orderId: row.order_id, status: row.status, lines: row.lines };
  }

  async setStatus(trx: Knex.Transaction, orderId: string, status: ReservationStatus, at: Date): Promise<void> {
    await trx('reservations').where({ order_id: orderId }).update({ status, updated_at: at });
  }
}
