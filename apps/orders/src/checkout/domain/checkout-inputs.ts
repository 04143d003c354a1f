/**
 * What the checkout reacts to: other services' events about one order, and its own payment deadline.
 * `inputId` is the event's id (derived from the order for the deadline): recorded, so a redelivered
 * input is recognised.
 */
export type CheckoutInput =
  /** `newPaymentId`: the id of the payment to request, derived from the input so a retry derives it again. */
  | { type: 'StockReserved'; inputId: string; orderId: string; newPaymentId: string; at: string }
  | { type: 'StockReservationFailed'; inputId: string; orderId: string; shortProductIds: string[]; at: string }
  | { type: 'PaymentCaptured'; inputId: string; orderId: string; paymentId: string; at: string }
  | { type: 'PaymentFailed'; inputId: string; orderId: string; paymentId: string; failureCode: string; at: string }
  | { type: 'PaymentDeadlinePassed'; inputId: string; orderId: string; at: string };
