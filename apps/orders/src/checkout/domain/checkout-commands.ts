import type { OrderCommand } from '../../orders/domain/order-commands';
import type { CheckoutEvent } from './checkout-events';

/** The order command a checkout decision implies. */
export function orderCommandFor(event: CheckoutEvent): OrderCommand {
  const { at } = event.data;
  switch (event.type) {
    case 'StockSecured':
      return { type: 'RequestPayment', paymentId: event.data.paymentId, at };
    case 'StockUnavailable':
      return { type: 'CancelByCheckout', reason: 'out_of_stock', detail: shortage(event.data.shortProductIds), at };
    case 'PaymentSettled':
      return { type: 'ConfirmOrder', paymentId: event.data.paymentId, at };
    case 'PaymentDeclined':
      return { type: 'CancelByCheckout', reason: 'payment_failed', detail: event.data.failureCode, at };
    case 'PaymentOverdue':
      return { type: 'CancelByCheckout', reason: 'payment_timeout', at };
    default: {
      const unknown: never = event;
      throw new Error(`Unknown checkout event ${JSON.stringify(unknown)}`);
    }
  }
}

/** Names the products without stock, within the event's 1000-character detail. */
function shortage(productIds: string[]): string {
  const named = productIds.slice(0, 20).join(', ');
  return productIds.length > 20 ? `no stock for ${named} and ${productIds.length - 20} more` : `no stock for ${named}`;
}
