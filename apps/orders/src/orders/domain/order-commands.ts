import type { CancellationReason, Money, OrderPlaced } from '@marketplace/contracts';

/** Who asked: a signed-in user in one of their roles, or the checkout itself. */
export type Actor = { kind: 'buyer' | 'seller' | 'admin'; userId: string } | { kind: 'system' };

/** Reasons the checkout decides by itself; the others are a person's decision. */
export type CheckoutReason = Extract<CancellationReason, 'out_of_stock' | 'payment_failed' | 'payment_timeout'>;

/** Every command carries its time (`at`, ISO 8601 UTC) and the ids it needs: the decider reads no clock. */
export type OrderCommand =
  | { type: 'PlaceOrder'; order: OrderPlaced }
  | { type: 'RequestPayment'; paymentId: string; at: string }
  | { type: 'ConfirmOrder'; paymentId: string; at: string }
  | { type: 'CancelByCheckout'; reason: CheckoutReason; detail?: string; at: string }
  | { type: 'CancelOrder'; by: { kind: 'buyer' | 'admin'; userId: string }; detail?: string; at: string }
  | { type: 'ShipLines'; sellerId: string; productIds?: string[]; carrier: string; trackingNumber: string; at: string }
  | { type: 'ConfirmDelivery'; by: Actor; at: string }
  | { type: 'RecordRefund'; refundId: string; paymentId: string; amount: Money; at: string }
  /** A dispute holds these lines: a buyer's within the window (`windowMs` after delivery), or a chargeback's (no rules). */
  | { type: 'HoldLinesForDispute'; disputeId: string; by: 'buyer' | 'chargeback'; productIds: string[]; windowMs: number; at: string }
  | { type: 'ReleaseDisputeHold'; disputeId: string; at: string }
  | { type: 'CloseDisputeWindow'; windowMs: number; at: string };
