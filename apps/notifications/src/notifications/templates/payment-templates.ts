import type { Money } from '@marketplace/contracts';
import { messageTemplate } from './message-template';
import { formatMoney } from './intl-format';
import { orderLink } from './order-summary';

export const paymentFailedTemplate = messageTemplate<{ orderId: string; amount: Money; message: string }>(
  'payment-failed',
  ({ orderId, amount, message }, { reader, webUrl }) => ({
    title: 'Your payment was declined',
    paragraphs: [
      `The payment of ${formatMoney(amount, reader.locale)} for your order ${orderId.slice(0, 8)} was declined, so the order was not placed.`,
      `The payment provider said: ${message}`,
    ],
    link: orderLink(webUrl, orderId),
  }),
);

export const saleRefundedTemplate = messageTemplate<{ orderId: string; amount: Money; reason?: string }>(
  'sale-refunded',
  ({ orderId, amount, reason }, { reader, webUrl }) => ({
    title: `A refund was issued on order ${orderId.slice(0, 8)}`,
    paragraphs: [`The buyer was refunded ${formatMoney(amount, reader.locale)}.`, ...(reason ? [`Reason: ${reason}`] : [])],
    link: { label: 'See the order', url: `${webUrl}/seller/orders/${orderId}` },
  }),
);
