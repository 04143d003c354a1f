import type { Money } from '@marketplace/contracts';
import { formatMoney } from './intl-format';
import { messageTemplate } from './message-template';

const payoutsLink = (webUrl: string) => ({ label: 'See your payouts', url: `${webUrl}/seller/payouts` });

export const sellerPayoutPaidTemplate = messageTemplate<{ amount: Money; reference: string }>('seller-payout-paid', ({ amount, reference }, { reader, webUrl }) => ({
  title: `We paid you ${formatMoney(amount, reader.locale)}`,
  paragraphs: [`Your payout of ${formatMoney(amount, reader.locale)} was sent to your payout account (reference ${reference}).`],
  link: payoutsLink(webUrl),
}));

/** The provider's reason, and that nothing is lost: the amount is available again for the next payout. */
export const sellerPayoutFailedTemplate = messageTemplate<{ amount: Money; failureCode: string; message: string }>(
  'seller-payout-failed',
  ({ amount, failureCode, message }, { reader, webUrl }) => ({
    title: `Your payout of ${formatMoney(amount, reader.locale)} failed`,
    paragraphs: [
      `Your payout of ${formatMoney(amount, reader.locale)} could not be paid, and the amount is back in your available balance.`,
      `The payout provider said: ${message || failureCode}`,
      'Please check your payout details: the next payout includes it.',
    ],
    link: payoutsLink(webUrl),
  }),
);
