import { DependencyUnavailableError, KNEX } from '@marketplace/platform';
import { Inject, Injectable } from '@nestjs/common';
import type { Knex } from 'knex';
import type { SellerBalance } from '../domain/seller-balance';
import { sellerBalancesTable } from './projection/ledger-tables';

export interface CurrencyBalance extends SellerBalance {
  sellerId: string;
  currency: string;
  /** Payouts scheduled so far in this currency: names the next one. */
  payoutsScheduled: number;
}

/** PostgreSQL's "undefined table": the projection creates its tables when it first starts. */
const UNDEFINED_TABLE = '42P01';

const COLUMNS = ['seller_id as sellerId', 'currency', 'pending', 'held', 'available', 'in_transit', 'paid', 'payouts_scheduled as payoutsScheduled'];

/** Reads of the sellers' balances (eventually consistent with the log; bigint columns read as numbers). */
@Injectable()
export class LedgerReadModel {
  constructor(@Inject(KNEX) private readonly db: Knex) {}

  /** A seller's balances, one per currency it has money in, by currency. */
  balancesOf(sellerId: string): Promise<CurrencyBalance[]> {
    return this.read(() => this.db(sellerBalancesTable.name).where({ seller_id: sellerId }).orderBy('currency').select(COLUMNS));
  }

  /** Every balance with at least `minimum` minor units available. */
  payable(minimum: number): Promise<CurrencyBalance[]> {
    return this.read(() => this.db(sellerBalancesTable.name).where('available', '>=', minimum).orderBy(['seller_id', 'currency']).select(COLUMNS));
  }

  private async read(query: () => PromiseLike<Record<string, unknown>[]>): Promise<CurrencyBalance[]> {
    try {
      return (await query()).map(toBalance);
    } catch (error) {
      if ((error as { code?: string }).code !== UNDEFINED_TABLE) throw error;
      throw new DependencyUnavailableError('The ledger is being built; try again shortly.', { code: 'read_model_not_ready', cause: error });
    }
  }
}

function toBalance(row: Record<string, unknown>): CurrencyBalance {
  const amount = (column: string) => Number(row[column]);
  return {
    sellerId: String(row.sellerId),
    currency: String(row.currency),
    pending: amount('pending'),
    held: amount('held'),
    available: amount('available'),
    in_transit: amount('in_transit'),
    paid: amount('paid'),
    payoutsScheduled: amount('payoutsScheduled'),
  };
}
