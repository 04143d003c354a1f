import { eventStoreHistory } from './event-store-history';
import type { HistorySource } from './history-source';
import { outboxHistory } from './outbox-history';

/**
 * Every publishing service's history, with the streams its relay publishes (DESIGN.md's services
 * table). Each service's schema and relay carry the service's name.
 */
export const HISTORY_SOURCES: readonly HistorySource[] = [
  eventStoreHistory('orders', ['order-', 'dispute-']),
  eventStoreHistory('payments', ['payment-', 'payout-']),
  outboxHistory('identity'),
  outboxHistory('catalog'),
  outboxHistory('notifications'),
];
