import type { SellerAccount } from './ledger-entries';

/** One line's money: what it sold, what went to commission, what went back, and where its net sits. */
export interface LedgerLine {
  productId: string;
  sellerId: string;
  lineTotal: number;
  commission: number;
  /** Refunds and lost chargebacks charged to this line. */
  refunded: number;
  /** Commission given back in proportion to `refunded`. */
  commissionReversed: number;
  /** Where the line's net is, once its payment is captured. */
  location?: Extract<SellerAccount, 'pending' | 'held' | 'available'>;
}

/** An order as the ledger knows it. Plain JSON: the projection keeps it as is. */
export interface OrderLedger {
  orderId: string;
  currency?: string;
  /** Undefined until OrderPlaced was recorded. */
  lines?: LedgerLine[];
  /** Shipping + tax: the marketplace's part of the order, refunded in proportion too. */
  marketplacePart: number;
  marketplaceRefunded: number;
  captured: boolean;
  windowClosed: boolean;
  /** What holds which lines: a dispute or a chargeback id -> product ids. */
  holds: Record<string, string[]>;
  /** The refund id an admin's resolution of a dispute uses -> that dispute's product ids. */
  disputeRefunds: Record<string, { disputeId: string; productIds: string[] }>;
}

export function initialOrderLedger(orderId: string): OrderLedger {
  return { orderId, marketplacePart: 0, marketplaceRefunded: 0, captured: false, windowClosed: false, holds: {}, disputeRefunds: {} };
}

/** What the line still holds for its seller. */
export function lineNet(line: LedgerLine): number {
  return line.lineTotal - line.commission - line.refunded + line.commissionReversed;
}

/** Where a captured line's net belongs now: held while anything holds it, else payable once the window closed. */
export function targetLocation(ledger: OrderLedger, line: LedgerLine): NonNullable<LedgerLine['location']> {
  if (Object.values(ledger.holds).some((productIds) => productIds.includes(line.productId))) return 'held';
  return ledger.windowClosed ? 'available' : 'pending';
}
