/**
 * The checkout's record, stream `checkout-<orderId>`: each event names the input it answers and says
 * what the checkout decided; the order command it implies follows from it (checkout-commands.ts).
 */
export type CheckoutEvent =
  | { type: 'StockSecured'; data: { orderId: string; inputId: string; paymentId: string; at: string } }
  | { type: 'StockUnavailable'; data: { orderId: string; inputId: string; shortProductIds: string[]; at: string } }
  | { type: 'PaymentSettled'; data: { orderId: string; inputId: string; paymentId: string; at: string } }
  | { type: 'PaymentDeclined'; data: { orderId: string; inputId: string; paymentId: string; failureCode: string; at: string } }
  | { type: 'PaymentOverdue'; data: { orderId: string; inputId: string; at: string } };

export type CheckoutStatus = 'awaiting_stock' | 'awaiting_payment' | 'completed' | 'cancelled';

export interface CheckoutState {
  status: CheckoutStatus;
  paymentId?: string;
  /** Every input answered so far, to recognise a redelivery. */
  inputIds: string[];
}
