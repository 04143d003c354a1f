import { DependencyUnavailableError, KNEX } from '@marketplace/platform';
import { Inject, Injectable } from '@nestjs/common';
import type { Knex } from 'knex';
import type { StartedPayment } from '../domain/payment-state';
import { PAYMENTS_TABLE } from './projection/payments-table';

export interface PaymentRecord {
  state: StartedPayment;
  createdAt: Date;
  updatedAt: Date;
}

export interface PaymentFilter {
  orderId?: string;
  /** Only this buyer's payments. */
  buyerId?: string;
  limit: number;
}

const RECORD = ['state', 'created_at as createdAt', 'updated_at as updatedAt'];

/** PostgreSQL's "undefined table": the projection creates its table when it first starts. */
const UNDEFINED_TABLE = '42P01';

/** Reads of the payments projection (eventually consistent with the streams). */
@Injectable()
export class PaymentsReadModel {
  constructor(@Inject(KNEX) private readonly db: Knex) {}

  get(paymentId: string): Promise<PaymentRecord | undefined> {
    return this.read(() => this.db(PAYMENTS_TABLE).where({ id: paymentId }).first<PaymentRecord | undefined>(RECORD));
  }

  /** The payment a provider's payment id belongs to (a chargeback may name only that). */
  findByProviderPaymentId(providerPaymentId: string): Promise<PaymentRecord | undefined> {
    return this.read(() => this.db(PAYMENTS_TABLE).where({ provider_payment_id: providerPaymentId }).first<PaymentRecord | undefined>(RECORD));
  }

  /** Newest first. */
  list(filter: PaymentFilter): Promise<PaymentRecord[]> {
    return this.read(() => {
      const query = this.db(PAYMENTS_TABLE).select<PaymentRecord[]>(RECORD).orderBy([{ column: 'created_at', order: 'desc' }, { column: 'id', order: 'desc' }]).limit(filter.limit);
      if (filter.orderId) void query.where({ order_id: filter.orderId });
      if (filter.buyerId) void query.where({ buyer_id: filter.buyerId });
      return query;
    });
  }

  private async read<T>(query: () => PromiseLike<T>): Promise<T> {
    try {
      return await query();
    } catch (error) {
      if ((error as { code?: string }).code !== UNDEFINED_TABLE) throw error;
      throw new DependencyUnavailableError('The payments read model is being built; try again shortly.', { code: 'read_model_not_ready', cause: error });
    }
  }
}
