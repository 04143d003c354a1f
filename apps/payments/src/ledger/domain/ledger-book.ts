import type { LedgerTransaction } from './ledger-entries';
import { ORDER_LEDGER_EVENT_TYPES, type OrderLedgerEvent } from './ledger-events';
import { foldOrderLedger } from './order-ledger';
import { initialOrderLedger, type OrderLedger } from './order-ledger-state';
import { PAYOUT_LEDGER_EVENT_TYPES, type PayoutLedgerEvent, payoutTransaction } from './payout-transactions';
import { addTransaction, type Balances } from './seller-balance';

export type LedgerEvent = OrderLedgerEvent | PayoutLedgerEvent;

export const LEDGER_EVENT_TYPES: readonly string[] = [...ORDER_LEDGER_EVENT_TYPES, ...PAYOUT_LEDGER_EVENT_TYPES];

export function isPayoutEvent(event: LedgerEvent): event is PayoutLedgerEvent {
  return (PAYOUT_LEDGER_EVENT_TYPES as readonly string[]).includes(event.type);
}

/** The whole ledger in memory: each order's fold, every transaction, and the balances they add up to. */
export interface LedgerBook {
  orders: Map<string, OrderLedger>;
  transactions: LedgerTransaction[];
  balances: Balances;
}

export function emptyBook(): LedgerBook {
  return { orders: new Map(), transactions: [], balances: new Map() };
}

/** One stored event into the book: what the projection does, row by row, in its tables. */
export function applyToBook(book: LedgerBook, event: LedgerEvent, eventId: string): LedgerBook {
  if (isPayoutEvent(event)) return post(book, [payoutTransaction(event, eventId)]);
  const { orderId } = event.data;
  const step = foldOrderLedger(book.orders.get(orderId) ?? initialOrderLedger(orderId), event, eventId);
  book.orders.set(orderId, step.ledger);
  return post(book, step.transactions);
}

function post(book: LedgerBook, transactions: LedgerTransaction[]): LedgerBook {
  for (const transaction of transactions) addTransaction(book.balances, transaction);
  book.transactions.push(...transactions);
  return book;
}
