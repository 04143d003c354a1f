import { formatMoney } from './intl-format';
import { messageTemplate } from './message-template';
import { disputeLink, type DisputeSummary, itemsTable, itemsText, itemsTotal, reasonText } from './dispute-summary';
import { shortId } from './order-summary';

/** A seller of disputed items: what was disputed and why, and that their money for it is held. */
export const disputeOpenedForSellerTemplate = messageTemplate<{ dispute: DisputeSummary }>('dispute-opened-seller', ({ dispute }, { reader, webUrl }) => {
  const items = itemsText(dispute.items);
  const held = `Your ${formatMoney(itemsTotal(dispute.items), reader.locale)} for them is held`;
  const chargeback = dispute.kind === 'chargeback';
  return {
    title: chargeback ? `A chargeback holds your money for order ${shortId(dispute.orderId)}` : `A buyer disputed your items on order ${shortId(dispute.orderId)}`,
    paragraphs: chargeback
      ? [`The buyer's bank disputed the payment for ${items}. ${held} until our staff closes the case.`, dispute.description]
      : [`The buyer disputed ${items} (${reasonText(dispute.reason)}). ${held} until the dispute is resolved: please answer it.`, `The buyer wrote: ${dispute.description}`],
    table: itemsTable(dispute.items, reader.locale),
    link: disputeLink(webUrl, dispute.disputeId, chargeback ? 'See the case' : 'Answer the dispute'),
  };
});

/** The buyer who opened a dispute: it was received, and what happens next. */
export const disputeOpenedForBuyerTemplate = messageTemplate<{ dispute: DisputeSummary }>('dispute-opened-buyer', ({ dispute }, { reader, webUrl }) => ({
  title: `We received your dispute on order ${shortId(dispute.orderId)}`,
  paragraphs: [
    `You disputed ${itemsText(dispute.items)} (${reasonText(dispute.reason)}). The seller can answer, then our staff decides; we will tell you of each step.`,
    `You wrote: ${dispute.description}`,
  ],
  table: itemsTable(dispute.items, reader.locale),
  link: disputeLink(webUrl, dispute.disputeId, 'See your dispute'),
}));

/** Admins: a case to decide, or one a chargeback opened by itself. */
export const disputeOpenedForAdminsTemplate = messageTemplate<{ dispute: DisputeSummary }>('dispute-opened-admin', ({ dispute }, { reader, webUrl }) => {
  const total = formatMoney(itemsTotal(dispute.items), reader.locale);
  return {
    title:
      dispute.kind === 'chargeback'
        ? `A chargeback opened a case on order ${shortId(dispute.orderId)}`
        : `New dispute on order ${shortId(dispute.orderId)}: ${reasonText(dispute.reason)}`,
    paragraphs: [
      dispute.kind === 'chargeback'
        ? `The buyer's bank disputed the payment, so a case was opened automatically; the sellers' ${total} for the order is held until it closes.`
        : `A buyer disputed ${itemsText(dispute.items)} (${total}); the sellers' money for them is held until you resolve the case.`,
      dispute.description,
    ],
    table: itemsTable(dispute.items, reader.locale),
    link: disputeLink(webUrl, dispute.disputeId, 'Open the case', 'admin'),
  };
});
