import { chargebackCase, dispute, ids, order } from './test/facts';
import { plannedMessages, WEB_URL } from './test/planned-messages';

const eur = (amount: number) => ({ amount, currency: 'EUR' });
const link = `${WEB_URL}/disputes/${ids.dispute}`;
const step = { disputeId: ids.dispute, orderId: ids.order, buyerId: ids.buyer };

describe('dispute handlers', () => {
  describe('DisputeOpened by a buyer', () => {
    const messages = plannedMessages('marketplace.orders.DisputeOpened.v1', dispute, { order });
    const to = (recipient: string) => {
      const found = messages.find((message) => message.to === recipient);
      if (!found) throw new Error(`no message to ${recipient}`);
      return found;
    };

    it('tells each seller of the disputed lines, the buyer and the admins, by email and in-app', () => {
      expect(messages.map(({ to, template, channels }) => ({ to, template, channels }))).toEqual([
        { to: ids.seller, template: 'dispute-opened-seller', channels: ['email', 'in_app'] },
        { to: ids.otherSeller, template: 'dispute-opened-seller', channels: ['email', 'in_app'] },
        { to: ids.buyer, template: 'dispute-opened-buyer', channels: ['email', 'in_app'] },
        { to: 'admins', template: 'dispute-opened-admin', channels: ['email', 'in_app'] },
      ]);
    });

    it("shows a seller only their own lines, the reason, the held money in the reader's locale, and the dispute's link", () => {
      const seller = to(ids.seller).render({ name: 'Sam', locale: 'de' });
      expect(seller.subject).toBe('A buyer disputed your items on order 0b4c6a52');
      expect(seller.text).toContain('The buyer disputed 1 × Alpaca mittens (arrived damaged). Your 29,50 € for them is held');
      expect(seller.text).not.toContain('kettle');
      expect(seller.text).toContain(`Answer the dispute: ${link}`);
      expect(seller.inApp).toEqual({ title: seller.subject, body: expect.stringContaining('Your 29,50 €'), link });
    });

    it('escapes the titles and the description in the HTML', () => {
      const other = to(ids.otherSeller).render();
      expect(other.html).toContain('1 × Tea &lt;b&gt;kettle&lt;/b&gt;');
      expect(other.html).toContain('The buyer wrote: Both arrived &lt;broken&gt; &amp; wet.');
      expect(other.html).not.toContain('<b>kettle');
    });

    it('acknowledges the buyer with everything disputed, and gives admins the case to decide', () => {
      const buyer = to(ids.buyer).render();
      expect(buyer.subject).toBe('We received your dispute on order 0b4c6a52');
      expect(buyer.text).toContain('You disputed 1 × Alpaca mittens and 1 × Tea <b>kettle</b> (arrived damaged).');
      expect(buyer.text).toContain('Disputed: €59.50');
      const admins = to('admins').render();
      expect(admins.subject).toBe('New dispute on order 0b4c6a52: arrived damaged');
      expect(admins.inApp.link).toBe(`${WEB_URL}/admin/disputes/${ids.dispute}`);
    });
  });

  it('tells the admins and the sellers, not the buyer, of a case a chargeback opened', () => {
    const messages = plannedMessages('marketplace.orders.DisputeOpened.v1', chargebackCase, { order });
    expect(messages.map((message) => message.to)).toEqual([ids.seller, ids.otherSeller, 'admins']);
    const seller = messages[0].render();
    expect(seller.subject).toBe('A chargeback holds your money for order 0b4c6a52');
    expect(seller.inApp.body).toBe("The buyer's bank disputed the payment for 2 × Merino scarf and 1 × Alpaca mittens. Your €119.50 for them is held until our staff closes the case.");
    expect(messages[2].render().subject).toBe('A chargeback opened a case on order 0b4c6a52');
  });

  describe('DisputeResponded', () => {
    const responded = (responderId: string, role: 'buyer' | 'seller' | 'admin') =>
      plannedMessages('marketplace.orders.DisputeResponded.v1', { ...step, responderId, role, message: 'See <photo>', respondedAt: '2026-03-06T12:00:00.000Z' }, { dispute });

    it('reaches every other party, never the responder, and no admin', () => {
      expect(responded(ids.buyer, 'buyer').map((message) => message.to)).toEqual([ids.seller, ids.otherSeller]);
      expect(responded(ids.seller, 'seller').map((message) => message.to)).toEqual([ids.buyer, ids.otherSeller]);
      expect(responded(ids.admin, 'admin').map((message) => message.to)).toEqual([ids.buyer, ids.seller, ids.otherSeller]);
    });

    it('says who wrote, with the message escaped', () => {
      const [toBuyer] = responded(ids.seller, 'seller');
      expect(toBuyer.render().subject).toBe('The seller wrote in the dispute on order 0b4c6a52');
      expect(toBuyer.render().html).toContain('<p>See &lt;photo&gt;</p>');
      expect(responded(ids.admin, 'admin')[0].render().inApp).toEqual({ title: 'Our staff wrote in the dispute on order 0b4c6a52', body: 'See <photo>', link });
    });
  });

  it('asks the buyer to send the goods back (SMS too) and tells each seller what comes back to them', () => {
    const messages = plannedMessages(
      'marketplace.orders.DisputeReturnRequested.v1',
      { ...step, requestedBy: ids.admin, refundOnReceipt: eur(5950), note: 'Use the <prepaid> label.', requestedAt: '2026-03-07T12:00:00.000Z' },
      { order, dispute },
    );
    expect(messages.map(({ to, channels }) => ({ to, channels }))).toEqual([ids.buyer, ids.seller, ids.otherSeller].map((to) => ({ to, channels: ['email', 'sms', 'in_app'] })));
    const buyer = messages[0].render();
    expect(buyer.sms).toBe(`Please send back the items of your dispute on order 0b4c6a52 Our staff asks you to send back 1 × Alpaca mittens and 1 × Tea <b>kettle</b>. Once the seller has received them, you are refunded €59.50. ${link}`);
    expect(buyer.html).toContain("Our staff&#39;s note: Use the &lt;prepaid&gt; label.");
    expect(messages[1].render().inApp.body).toBe('Our staff asked the buyer to send back 1 × Alpaca mittens. Record their receipt in the dispute when they arrive: the buyer is then refunded €59.50.');
  });

  describe('DisputeResolved', () => {
    const resolved = (outcome: 'refunded' | 'rejected' | 'closed', facts = dispute) =>
      plannedMessages('marketplace.orders.DisputeResolved.v1', { ...step, paymentId: dispute.paymentId, outcome, ...(outcome === 'refunded' && { refund: eur(1500) }), resolvedBy: ids.admin, resolvedAt: '2026-03-08T12:00:00.000Z' }, { dispute: facts });

    it('tells the buyer and the sellers the outcome, with the refund', () => {
      const messages = resolved('refunded');
      expect(messages.map((message) => message.to)).toEqual([ids.buyer, ids.seller, ids.otherSeller]);
      expect(messages[0].render({ name: 'Ann', locale: 'de' }).subject).toBe('The dispute on order 0b4c6a52: refunded 15,00 €');
      expect(messages[0].render().text).toContain('We refund €15.00 to your payment method');
      expect(messages[1].render().subject).toBe('The dispute on order 0b4c6a52: €15.00 refunded to the buyer');
    });

    it('tells a rejection, and the end of a chargeback case (closed, whatever the admin marked) to its sellers only', () => {
      expect(resolved('rejected')[0].render().inApp.body).toBe('Our staff looked at the case and nothing is refunded.');
      expect(resolved('rejected')[1].render().inApp.body).toBe('Nothing is refunded, and your money for the disputed items is no longer held.');
      const chargebackEnd = resolved('rejected', chargebackCase);
      expect(chargebackEnd.map((message) => message.to)).toEqual([ids.seller, ids.otherSeller]);
      expect(chargebackEnd[0].render().subject).toBe('The dispute on order 0b4c6a52: closed');
    });
  });
});
