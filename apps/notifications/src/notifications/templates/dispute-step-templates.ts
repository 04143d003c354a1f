import type { Money } from '@marketplace/contracts';
import { formatMoney } from './intl-format';
import { messageTemplate } from './message-template';
import { disputeLink, type DisputedItem, itemsText, staffNote } from './dispute-summary';
import { shortId } from './order-summary';

/** Who a message in a dispute is for, or from: its two sides; admins speak as "our staff". */
export type DisputeSide = 'buyer' | 'seller';

const AUTHORS = { buyer: 'The buyer', seller: 'The seller', admin: 'Our staff' } as const;

/** A party hears of another's message in the dispute (never their own). */
export const disputeRespondedTemplate = messageTemplate<{ disputeId: string; orderId: string; from: keyof typeof AUTHORS; message: string }>(
  'dispute-responded',
  ({ disputeId, orderId, from, message }, { webUrl }) => ({
    title: `${AUTHORS[from]} wrote in the dispute on order ${shortId(orderId)}`,
    paragraphs: [message],
    link: disputeLink(webUrl, disputeId, 'Read and answer'),
  }),
);

type ReturnData = { disputeId: string; orderId: string; items: readonly DisputedItem[]; refund: Money; note?: string; side: DisputeSide };

/** The buyer is to send the goods back, the refund following their receipt; the seller is to record it. */
export const disputeReturnRequestedTemplate = messageTemplate<ReturnData>('dispute-return-requested', (data, { reader, webUrl }) => {
  const items = itemsText(data.items);
  const refund = formatMoney(data.refund, reader.locale);
  const note = staffNote(data.note);
  return data.side === 'buyer'
    ? {
        title: `Please send back the items of your dispute on order ${shortId(data.orderId)}`,
        paragraphs: [`Our staff asks you to send back ${items}. Once the seller has received them, you are refunded ${refund}.`, ...note],
        link: disputeLink(webUrl, data.disputeId, 'See how to return them'),
      }
    : {
        title: `The buyer sends back items of order ${shortId(data.orderId)}`,
        paragraphs: [`Our staff asked the buyer to send back ${items}. Record their receipt in the dispute when they arrive: the buyer is then refunded ${refund}.`, ...note],
        link: disputeLink(webUrl, data.disputeId, 'See the dispute'),
      };
});

type Outcome = 'refunded' | 'rejected' | 'closed';
type ResolvedData = { disputeId: string; orderId: string; outcome: Outcome; refund?: Money; note?: string; side: DisputeSide };

/** What each side reads of an outcome (`refund` already written for the reader). */
const OUTCOMES: Record<DisputeSide, Record<Outcome, (refund: string) => [title: string, text: string]>> = {
  buyer: {
    refunded: (refund) => [`refunded ${refund}`, `We refund ${refund} to your payment method; your bank may take a few days to show it.`],
    rejected: () => ['not upheld', 'Our staff looked at the case and nothing is refunded.'],
    closed: () => ['closed', 'The case is closed.'],
  },
  seller: {
    refunded: (refund) => [`${refund} refunded to the buyer`, `The buyer is refunded ${refund} from the disputed items; the hold on the rest of your money for them is lifted.`],
    rejected: () => ['rejected', 'Nothing is refunded, and your money for the disputed items is no longer held.'],
    closed: () => ['closed', "The chargeback case is closed and the hold on your money is lifted; your balance shows what the bank's decision changed."],
  },
};

/** Both sides hear how a dispute ended, with the refund when there is one. */
export const disputeResolvedTemplate = messageTemplate<ResolvedData>('dispute-resolved', (data, { reader, webUrl }) => {
  const [outcome, text] = OUTCOMES[data.side][data.outcome](data.refund ? formatMoney(data.refund, reader.locale) : 'the agreed amount');
  return {
    title: `The dispute on order ${shortId(data.orderId)}: ${outcome}`,
    paragraphs: [text, ...staffNote(data.note)],
    link: disputeLink(webUrl, data.disputeId, 'See the dispute'),
  };
});
