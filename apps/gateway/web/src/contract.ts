import type { Money } from './format';

/** The admin API's answers the console reads (DESIGN.md and the analytics and ops contracts). */
export type Granularity = 'minute' | 'hour' | 'day';

export interface SalesBucket {
  start: string;
  currency: string;
  placedOrders: number;
  confirmedOrders: number;
  gmv: Money;
  averageOrderValue: Money;
}

export interface Sales {
  from: string;
  to: string;
  granularity: Granularity;
  items: SalesBucket[];
}

export interface Funnel {
  items: { stage: 'cart' | 'placed' | 'confirmed' | 'delivered'; count: number }[];
}

export interface OrdersByStatus {
  items: { status: string; orders: number }[];
}

export interface Cancellations {
  items: { reason: string; orders: number }[];
}

export interface TopProducts {
  items: { productId: string; title: string; units: number; revenue: Money }[];
}

export interface TopSellers {
  items: { sellerId: string; orders: number; units: number; revenue: Money }[];
}

/** How many of something happened, and for how much. */
export interface CountAndAmount {
  count: number;
  amount: Money;
}

/** One currency's payment figures over the range (those the console shows). */
export interface PaymentTotals {
  currency: string;
  captured: number;
  failed: number;
  /** captured / (captured + failed); null when the range has neither. */
  captureRate: number | null;
  declines: { reason: string; count: number }[];
  refunds: CountAndAmount;
  chargebacks: CountAndAmount;
}

/** The payments' figures (the console reads the totals and the series, by day). */
export interface PaymentAnalytics {
  totals: PaymentTotals[];
  series: { start: string; currency: string; captured: number; failed: number; capturedAmount: Money }[];
}

export interface ServiceStatus {
  service: string;
  health: 'up' | 'down';
  ready: boolean | null;
  requestsPerSecond: number | null;
  errorRate: number | null;
  p99Ms: number | null;
}

export interface RebuildView {
  id: string;
  service: string;
  projection: string;
  status: 'running' | 'succeeded' | 'failed';
  processed: number;
  total: number;
  startedAt: string;
  finishedAt: string | null;
  error: string | null;
  requestedBy: string;
}

export interface Projections {
  /** `name` is null, and `problem` says why, when a service's projections could not be read. */
  projections: { service: string; name: string | null; version: number | null; checkpoint: number | null; head: number | null; lag: number | null; state: string; problem?: string | null; rebuild: RebuildView | null }[];
  consumerGroups: { group: string; topic: string; partitions: number; lag: number | null; members: number | null }[];
}

export interface DeadLetter {
  id: string;
  topic: string;
  place: string | number;
  eventId: string | null;
  type: string | null;
  error: string;
  failedAt: string | null;
  consumerGroup: string | null;
  replayedAt: string | null;
}

export interface AuditEntry {
  id: string;
  action: string;
  outcome?: string;
  adminId: string;
  at: string;
  target: string | null;
  details: unknown;
}

export interface SellerApplication {
  id: string;
  businessName: string;
  country: string;
  contact: { email?: string };
  submittedAt: string;
  applicant?: { email?: string; name?: string };
}

export interface DisputeSummary {
  disputeId: string;
  orderId: string;
  kind: string;
  status: string;
  reason: string;
  disputedTotal: Money;
  openedAt: string;
}

/** The dispute as `admin/disputes/:id/resolve` answers it, as far as the console reads it. */
export interface DisputeDecision {
  status: 'open' | 'return_requested' | 'resolved';
  refundOnReceipt: Money | null;
  resolution: { outcome: string; refund: Money | null } | null;
}

export interface Delivery {
  id: string;
  channel: string;
  template: string;
  address: string | null;
  status: string;
  attempts: number;
  lastError: string | null;
  failedAt: string | null;
}

export interface Page<T> {
  items: T[];
  nextCursor?: string | null;
}
