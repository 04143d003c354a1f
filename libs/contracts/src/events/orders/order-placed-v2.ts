import { z } from 'zod';
import { defineEvent } from '../../define-event';
import { TOPICS } from '../../topics';
import { money, paymentMethod, timestamp, uuid } from '../../values';
import { checkOrderTotals, orderLine } from './order-line';
import { shippingAddress } from './shipping-address';

/** OrderPlaced's fields from v2 on (v3 widens paymentMethod). */
export const orderPlacedFields = {
  orderId: uuid,
  buyerId: uuid,
  lines: z.array(orderLine).min(1),
  subtotal: money.describe('Sum of the line totals'),
  shipping: money,
  tax: money.describe('Tax on subtotal + shipping at the destination country rate, rounded half up to a minor unit'),
  total: money.describe('subtotal + shipping + tax: what the buyer pays'),
  shippingAddress,
  paymentMethod,
  placedAt: timestamp,
};

/**
 * v2 of OrderPlaced: the total is the lines' subtotal plus shipping plus tax, each stated. v1 (no shipping
 * or tax) is read as v2 with both at zero.
 */
export const orderPlacedV2 = defineEvent({
  type: 'marketplace.orders.OrderPlaced.v2',
  topic: TOPICS.ordersOrder,
  description:
    'A buyer placed an order: lines with the price snapshot and seller of each, and subtotal + shipping + tax = total; checkout starts by reserving stock.',
  aggregateId: 'orderId',
  schema: z
    .strictObject(orderPlacedFields)
    // Figures are compared only once every field is valid on its own, so each mistake is reported once.
    .superRefine(checkOrderTotals, { when: (payload) => payload.issues.length === 0 }),
});

