import { Injectable } from '@nestjs/common';
import { type Actor, isAdmin, mayView } from '../domain/payment-access';
import { PaymentNotFoundError } from '../domain/payment-errors';
import { type PaymentRecord, PaymentsReadModel } from '../infrastructure/payments-read-model';

export interface PaymentListQuery {
  orderId?: string;
  limit: number;
}

/** Payments as their buyer (or an admin) sees them, from the read model. */
@Injectable()
export class PaymentQueriesService {
  constructor(private readonly readModel: PaymentsReadModel) {}

  /** A buyer gets only their own payments (another buyer's order lists nothing); an admin gets any. */
  list(actor: Actor, query: PaymentListQuery): Promise<PaymentRecord[]> {
    return this.readModel.list({ ...query, buyerId: isAdmin(actor) ? undefined : actor.id });
  }

  /** Someone else's payment is a 404, as an unknown one: its existence is not revealed. */
  async get(actor: Actor, paymentId: string): Promise<PaymentRecord> {
    const record = await this.readModel.get(paymentId);
    if (!record || !mayView(record.state, actor)) throw new PaymentNotFoundError();
    return record;
  }
}
