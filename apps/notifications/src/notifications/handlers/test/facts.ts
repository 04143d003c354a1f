import type { DisputeFacts, OrderFacts } from '..';

export const ids = {
  order: '0b4c6a52-8f3e-4a5e-9d43-0c1a2b3c4d5e',
  dispute: 'd15b07e0-5c1a-4f3e-8a2b-6c7d8e9f0a1b',
  buyer: 'b0000000-0000-4000-8000-000000000001',
  seller: '50000000-0000-4000-8000-000000000001',
  otherSeller: '50000000-0000-4000-8000-000000000002',
  admin: 'a0000000-0000-4000-8000-000000000001',
  scarf: 'f0000000-0000-4000-8000-000000000001',
  mittens: 'f0000000-0000-4000-8000-000000000002',
  kettle: 'f0000000-0000-4000-8000-000000000003',
};

const eur = (amount: number) => ({ amount, currency: 'EUR' });

/** An order of two sellers' lines, the second seller's title needing escaping. */
export const order: OrderFacts = {
  orderId: ids.order,
  buyerId: ids.buyer,
  lines: [
    { productId: ids.scarf, sellerId: ids.seller, title: 'Merino scarf', quantity: 2, unitPrice: eur(4500), lineTotal: eur(9000) },
    { productId: ids.mittens, sellerId: ids.seller, title: 'Alpaca mittens', quantity: 1, unitPrice: eur(2950), lineTotal: eur(2950) },
    { productId: ids.kettle, sellerId: ids.otherSeller, title: 'Tea <b>kettle</b>', quantity: 1, unitPrice: eur(3000), lineTotal: eur(3000) },
  ],
  subtotal: eur(14950),
  shipping: eur(499),
  tax: eur(0),
  total: eur(15449),
  shippingAddress: { recipientName: 'Ann', line1: '1 Main St', city: 'Berlin', postalCode: '10115', country: 'DE' },
  paymentMethod: 'pm_card_visa',
  placedAt: '2026-03-01T12:00:00.000Z',
};

/** The buyer disputes the mittens (first seller) and the kettle (second seller). */
export const dispute: DisputeFacts = {
  disputeId: ids.dispute,
  orderId: ids.order,
  buyerId: ids.buyer,
  paymentId: 'c0000000-0000-4000-8000-000000000001',
  kind: 'buyer',
  lines: [
    { productId: ids.mittens, sellerId: ids.seller, amount: eur(2950) },
    { productId: ids.kettle, sellerId: ids.otherSeller, amount: eur(3000) },
  ],
  reason: 'damaged',
  description: 'Both arrived <broken> & wet.',
  openedAt: '2026-03-05T12:00:00.000Z',
};

export const chargebackCase: DisputeFacts = {
  ...dispute,
  kind: 'chargeback',
  lines: order.lines.map((line) => ({ productId: line.productId, sellerId: line.sellerId, amount: line.lineTotal })),
  reason: 'chargeback',
  description: 'The bank says: product_not_received',
  chargebackId: 'cb000000-0000-4000-8000-000000000001',
};
