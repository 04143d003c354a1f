import { ids } from './test/facts';
import { plannedMessages, WEB_URL } from './test/planned-messages';

const payout = { payoutId: ids.dispute, sellerId: ids.seller, amount: { amount: 10755, currency: 'EUR' } };

describe('payout handlers', () => {
  it('tells the seller a payout was paid, with its amount in their locale and the reference', () => {
    const [message] = plannedMessages('marketplace.payments.SellerPayoutPaid.v1', { ...payout, providerPayoutId: 'po_sim_7e2c9b14', paidAt: '2026-03-02T12:00:00.000Z' });
    expect(message).toMatchObject({ to: ids.seller, template: 'seller-payout-paid', channels: ['email', 'in_app'] });
    const rendered = message.render({ name: 'Sam', locale: 'de' });
    expect(rendered.subject).toBe('We paid you 107,55 €');
    expect(rendered.text).toContain('Your payout of 107,55 € was sent to your payout account (reference po_sim_7e2c9b14).');
    expect(rendered.inApp.link).toBe(`${WEB_URL}/seller/payouts`);
  });

  it("tells the seller a payout failed, with the provider's reason escaped and the amount available again", () => {
    const [message] = plannedMessages('marketplace.payments.SellerPayoutFailed.v1', { ...payout, failureCode: 'account_closed', message: 'The <bank> account is closed.', failedAt: '2026-03-02T12:00:00.000Z' });
    expect(message).toMatchObject({ to: ids.seller, template: 'seller-payout-failed', channels: ['email', 'in_app'] });
    const rendered = message.render();
    expect(rendered.subject).toBe('Your payout of €107.55 failed');
    expect(rendered.inApp.body).toBe('Your payout of €107.55 could not be paid, and the amount is back in your available balance.');
    expect(rendered.html).toContain('The payout provider said: The &lt;bank&gt; account is closed.');
  });
});
