import type { MarketplaceEvent } from '@marketplace/contracts';
import { type EventStore } from '@marketplace/event-store';
import { nameBasedId } from '@marketplace/kernel';
import { EVENT_STORE, PLATFORM_CONFIG } from '@marketplace/platform';
import { Inject, Injectable } from '@nestjs/common';
import type { PaymentsConfig } from '../../payments-config';
import { commissionRates } from '../domain/commission-rates';
import { ledgerOrderStream } from '../domain/ledger-events';
import { orderFactOf, type OrderMessage } from '../domain/order-facts';
import { ProductCategories } from '../infrastructure/product-categories';

/** The orders messages the ledger reads, by their full type. */
const MESSAGES: Record<string, OrderMessage['type']> = {
  'marketplace.orders.OrderPlaced.v3': 'OrderPlaced',
  'marketplace.orders.DisputeOpened.v1': 'DisputeOpened',
  'marketplace.orders.DisputeResolved.v1': 'DisputeResolved',
  'marketplace.orders.OrderDisputeWindowClosed.v1': 'OrderDisputeWindowClosed',
};

/**
 * Records what the ledger needs from orders.order.v1 in the order's ledger stream. The event id derives
 * from the order and the fact, and the store ignores an id it already holds: a redelivery (or the same
 * fact in another message) has no second effect, without an inbox.
 */
@Injectable()
export class LedgerRecorder {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PLATFORM_CONFIG) private readonly config: PaymentsConfig,
    private readonly categories: ProductCategories,
  ) {}

  async record(event: MarketplaceEvent): Promise<void> {
    const type = Object.hasOwn(MESSAGES, event.type) ? MESSAGES[event.type] : undefined;
    if (!type) return;
    const message = { type, data: event.data } as OrderMessage;
    const fact = orderFactOf(message, await this.ratesFor(message));
    if (!fact) return;
    const metadata = { correlationid: event.correlationid ?? event.id, causationid: event.id };
    await this.store.appendToStream(ledgerOrderStream(fact.orderId), [{ id: nameBasedId(fact.orderId, fact.key), ...fact.event, metadata }], { expectedRevision: 'any' });
  }

  /** The commission rate of each product of a placed order (the categories are looked up for those only). */
  private async ratesFor(message: OrderMessage): Promise<(productId: string) => number> {
    const { COMMISSION_RATE, COMMISSION_CATEGORY_RATES } = this.config;
    const categories = message.type === 'OrderPlaced' && Object.keys(COMMISSION_CATEGORY_RATES).length > 0 ? await this.categories.of(message.data.lines.map((line) => line.productId)) : new Map<string, string>();
    return commissionRates(COMMISSION_RATE, COMMISSION_CATEGORY_RATES, categories);
  }
}
