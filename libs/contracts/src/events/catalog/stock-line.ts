import { z } from 'zod';
import { positiveQuantity, quantity, uuid } from '../../values';

/** A quantity of one product within an order's reservation. */
export const stockLine = z.strictObject({ productId: uuid, quantity: positiveQuantity });

export const stockLineWithAvailability = stockLine.extend({
  available: quantity.describe("The product's available quantity after this event"),
});
