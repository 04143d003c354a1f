import type { Money } from '@marketplace/contracts';
import { messageTemplate } from './message-template';
import { formatMoney } from './intl-format';
import { orderLink, shortId } from './order-summary';

/**
 * Mobile money failures the buyer can do something about, in their words: a card's decline, or a code
 * we do not know, is told with the provider's own message.
 */
const FAILURES: Record<string, { title: string; because: string }> = {
  expired: { title: 'Your payment request expired', because: 'the request sent to your phone was not approved in time' },
  cancelled_by_user: { title: 'Your payment was cancelled', because: 'the request was cancelled on your phone' },
  insufficient_funds: { title: 'Your payment was declined', because: 'your mobile money account did not have enough money' },
  wrong_pin: { title: 'Your payment was declined', because: 'the PIN entered on your phone was wrong' },
  unreachable: { title: 'Your payment did not go through', because: 'your phone could not be reached (is it on, with signal?)' },
};

export const paymentFailedTemplate = messageTemplate<{ orderId: string; amount: Money; failureCode: string; message: string }>(
  'payment-failed',
  ({ orderId, amount, failureCode, message }, { reader, webUrl }) => {
    const payment = `The payment of ${formatMoney(amount, reader.locale)} for your order ${shortId(orderId)}`;
    const known = FAILURES[failureCode];
    return {
      title: known?.title ?? 'Your payment was declined',
      paragraphs: known
        ? [`${payment} did not go through because ${known.because}, so the order was not placed.`, 'You can place it again whenever you like.']
        : [`${payment} was declined, so the order was not placed.`, `The payment provider said: ${message}`],
      link: orderLink(webUrl, orderId),
    };
  },
);

const NETWORKS: Record<string, string> = { mpesa: 'M-Pesa', tigopesa: 'Tigo Pesa', airtel_money: 'Airtel Money', paynow: 'PayNow' };

/** A push was sent to the buyer's phone: nothing happens until they approve it there. */
export const mobileMoneyApprovalTemplate = messageTemplate<{ orderId: string; amount: Money; network?: string; phone?: string }>(
  'mobile-money-approval',
  ({ orderId, amount, network, phone }, { reader, webUrl }) => ({
    title: 'Approve the payment on your phone',
    paragraphs: [
      `We sent a ${network ? `${NETWORKS[network] ?? network} ` : ''}request for ${formatMoney(amount, reader.locale)} (order ${shortId(orderId)}) to ${phone ?? 'your phone'}: enter your PIN there to approve it.`,
    ],
    link: orderLink(webUrl, orderId),
  }),
);

export const saleRefundedTemplate = messageTemplate<{ orderId: string; amount: Money; reason?: string }>(
  'sale-refunded',
  ({ orderId, amount, reason }, { reader, webUrl }) => ({
    title: `A refund was issued on order ${shortId(orderId)}`,
    paragraphs: [`The buyer was refunded ${formatMoney(amount, reader.locale)}.`, ...(reason ? [`Reason: ${reason}`] : [])],
    link: { label: 'See the order', url: `${webUrl}/seller/orders/${orderId}` },
  }),
);
