import type { Money } from '@marketplace/contracts';
import { messageTemplate } from './message-template';
import { formatMoney } from './intl-format';
import { linesTable, orderLink, type OrderSummary, orderTable, shortId as short } from './order-summary';

export const orderConfirmedTemplate = messageTemplate<{ order: OrderSummary }>('order-confirmed', ({ order }, { reader, webUrl }) => ({
  title: `Your order ${short(order.orderId)} is confirmed`,
  paragraphs: [`We received your payment of ${formatMoney(order.total, reader.locale)}, and your order is on its way to the sellers.`],
  table: orderTable(order, reader.locale),
  link: orderLink(webUrl, order.orderId),
}));

const CANCELLATION_REASONS: Record<string, string> = {
  out_of_stock: 'some items were no longer in stock',
  payment_failed: 'the payment did not go through',
  payment_timeout: 'the payment was not completed in time',
  by_buyer: 'you cancelled it',
  by_admin: 'our staff cancelled it',
};

export const orderCancelledTemplate = messageTemplate<{ orderId: string; reason: string; detail?: string; refunded?: Money }>(
  'order-cancelled',
  ({ orderId, reason, detail, refunded }, { reader, webUrl }) => ({
    title: `Your order ${short(orderId)} was cancelled`,
    paragraphs: [
      `Your order was cancelled because ${CANCELLATION_REASONS[reason] ?? reason}.`,
      ...(detail ? [detail] : []),
      refunded ? `Any amount charged (${formatMoney(refunded, reader.locale)}) is refunded to your payment method.` : 'Nothing was charged.',
    ],
    link: orderLink(webUrl, orderId),
  }),
);

export const orderShippedTemplate = messageTemplate<{ orderId: string; title: string; quantity: number; carrier?: string; trackingNumber?: string }>(
  'order-shipped',
  ({ orderId, title, quantity, carrier, trackingNumber }, { webUrl }) => ({
    title: `${title} has shipped`,
    paragraphs: [
      `${quantity} × ${title} from your order ${short(orderId)} is on its way.`,
      ...(trackingNumber ? [`Tracking number${carrier ? ` (${carrier})` : ''}: ${trackingNumber}`] : []),
    ],
    link: orderLink(webUrl, orderId),
  }),
);

export const orderDeliveredTemplate = messageTemplate<{ orderId: string }>('order-delivered', ({ orderId }, { webUrl }) => ({
  title: `Your order ${short(orderId)} was delivered`,
  paragraphs: ['Your order has arrived. You can now review what you bought.'],
  link: orderLink(webUrl, orderId),
}));

export const orderRefundedTemplate = messageTemplate<{ orderId: string; amount: Money }>('order-refunded', ({ orderId, amount }, { reader, webUrl }) => ({
  title: `A refund for order ${short(orderId)}`,
  paragraphs: [`We refunded ${formatMoney(amount, reader.locale)} to your payment method. Your bank may take a few days to show it.`],
  link: orderLink(webUrl, orderId),
}));

export const newOrderLinesTemplate = messageTemplate<{ orderId: string; lines: OrderSummary['lines'] }>('new-order-lines', ({ orderId, lines }, { reader, webUrl }) => ({
  title: `New order ${short(orderId)} to ship`,
  paragraphs: [`A buyer paid for ${lines.length === 1 ? 'one of your products' : `${lines.length} of your products`}. Please ship them.`],
  table: linesTable(lines, reader.locale),
  link: { label: 'See your orders to ship', url: `${webUrl}/seller/orders/${orderId}` },
}));
