import type { DisputeOpened, OrderPlaced } from '@marketplace/contracts';
import { orderFactOf } from './order-facts';

const ids = { orderId: '0b7e4a8c-1d2f-4e3a-8b9c-0d1e2f3a4b5c', buyerId: '3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f', seller: '9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d', product: '6f1c2e0a-4a55-4a63-9d55-0a1b2c3d4e5f' };
const eur = (amount: number) => ({ amount, currency: 'EUR' });

describe('the orders facts the ledger records', () => {
  it('keeps each line with its seller and the commission rate of the moment, shipping and tax apart', () => {
    const placed = {
      orderId: ids.orderId, buyerId: ids.buyerId, placedAt: '2026-03-01T12:00:00.000Z',
      lines: [{ productId: ids.product, sellerId: ids.seller, title: 'Apron', quantity: 2, unitPrice: eur(1000), lineTotal: eur(2000) }],
      subtotal: eur(2000), shipping: eur(500), tax: eur(250), total: eur(2750),
    } as OrderPlaced;
    expect(orderFactOf({ type: 'OrderPlaced', data: placed }, () => 750)).toEqual({
      orderId: ids.orderId,
      key: 'LedgerOrderRecorded',
      event: { type: 'LedgerOrderRecorded', data: { orderId: ids.orderId, currency: 'EUR', lines: [{ productId: ids.product, sellerId: ids.seller, lineTotal: 2000, commissionRateBps: 750 }], shipping: 500, tax: 250, recordedAt: placed.placedAt } },
    });
  });

  it("records a buyer's dispute by its lines, and leaves a chargeback's case to the chargeback", () => {
    const opened = { disputeId: ids.product, orderId: ids.orderId, buyerId: ids.buyerId, paymentId: ids.seller, kind: 'buyer', lines: [{ productId: ids.product, sellerId: ids.seller, amount: eur(2000) }], reason: 'damaged', description: 'Broken.', openedAt: '2026-03-01T12:00:00.000Z' } as DisputeOpened;
    expect(orderFactOf({ type: 'DisputeOpened', data: opened }, () => 1000)?.event).toEqual({ type: 'LedgerDisputeOpened', data: { orderId: ids.orderId, disputeId: ids.product, paymentId: ids.seller, productIds: [ids.product], openedAt: opened.openedAt } });
    expect(orderFactOf({ type: 'DisputeOpened', data: { ...opened, kind: 'chargeback' } }, () => 1000)).toBeUndefined();
  });
});
