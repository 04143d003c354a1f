import type { AuthenticatedUser } from '@marketplace/auth';
import type { CheckoutPaymentMethod, ShippingAddress } from '@marketplace/contracts';
import { CLOCK, type Clock, DomainError, nameBasedId } from '@marketplace/kernel';
import { KNEX, PLATFORM_CONFIG } from '@marketplace/platform';
import { Inject, Injectable } from '@nestjs/common';
import type { Knex } from 'knex';
import { CartRepository } from '../../cart/infrastructure/cart-repository';
import type { OrdersConfig } from '../../orders-config';
import { PriceListRepository } from '../../price-list/infrastructure/price-list-repository';
import { canonicalHash } from '../../shared/canonical-hash';
import { draftOrder } from '../domain/order-draft';
import { CartEmptyError, IdempotencyKeyReusedError } from '../domain/order-errors';
import { OrderRequestsRepository, type RequestOutcome } from '../infrastructure/order-requests-repository';
import { refusalOutcome, replay } from './first-answer';
import { OrderStreams } from './order-streams';

/** Namespace of order ids, which are derived from the buyer and their Idempotency-Key. */
const ORDER_IDS = '6f1c1d0e-2a8b-4f43-8d3e-5b7a9c0e4f12';

export interface PlaceOrderRequest {
  items?: { productId: string; quantity: number }[];
  fromCart?: true;
  shippingAddress: ShippingAddress;
  paymentMethod: CheckoutPaymentMethod;
}

/**
 * POST /orders. The order id is derived from the buyer and the Idempotency-Key, and the request is
 * recorded with its body's hash before anything is placed: a retry (even after a crash) places the same
 * order at most once and gets the first answer; the same key with another body is refused.
 */
@Injectable()
export class PlaceOrderService {
  constructor(
    @Inject(KNEX) private readonly db: Knex,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(PLATFORM_CONFIG) private readonly config: OrdersConfig,
    private readonly orders: OrderStreams,
    private readonly requests: OrderRequestsRepository,
    private readonly prices: PriceListRepository,
    private readonly carts: CartRepository,
  ) {}

  async place(buyer: AuthenticatedUser, key: string, request: PlaceOrderRequest, requestId: string): Promise<{ orderId: string; status: string }> {
    const requestHash = canonicalHash(request);
    const orderId = nameBasedId(ORDER_IDS, `${buyer.id}/${key}`);
    const claimed = await this.requests.claim(this.db, buyer.id, key, { requestHash, orderId }, this.clock.now());
    if (claimed.requestHash !== requestHash) throw new IdempotencyKeyReusedError();
    if (claimed.outcome) return replay(claimed.outcome);
    let outcome: RequestOutcome;
    let ordered: string[] = [];
    try {
      const placed = await this.placeNew(buyer, orderId, request, requestId);
      ordered = placed.productIds;
      outcome = { kind: 'placed', orderId, status: placed.status };
    } catch (error) {
      // Only a business refusal is an answer; anything else (database, bus) leaves the request open for a retry.
      if (!(error instanceof DomainError)) throw error;
      outcome = refusalOutcome(error);
    }
    const first = await this.requests.answer(this.db, buyer.id, key, outcome);
    // The ordered products leave the cart; what was added meanwhile stays.
    if (first.kind === 'placed' && request.fromCart) await this.carts.remove(this.db, buyer.id, ordered);
    return replay(first);
  }

  private async placeNew(buyer: AuthenticatedUser, orderId: string, request: PlaceOrderRequest, requestId: string): Promise<{ status: string; productIds: string[] }> {
    const items = request.items ?? (await this.carts.items(this.db, buyer.id));
    if (items.length === 0) throw new CartEmptyError();
    const entries = await this.prices.find(this.db, items.map((item) => item.productId));
    const order = draftOrder(
      {
        orderId,
        buyerId: buyer.id,
        items: items.map(({ productId, quantity }) => ({ productId, quantity, entry: entries.get(productId) })),
        shippingAddress: request.shippingAddress,
        paymentMethod: request.paymentMethod,
        placedAt: this.clock.now().toISOString(),
      },
      this.config.ORDER_PRICING,
    );
    const { state } = await this.orders.execute(orderId, { type: 'PlaceOrder', order }, {
      commandId: 'place',
      actor: { kind: 'buyer', userId: buyer.id },
      correlationId: requestId,
    });
    return { status: state.status, productIds: order.lines.map((line) => line.productId) };
  }
}
