import { z } from 'zod';
import { money, uuid } from '../../values';

/** Why a dispute was opened: the buyer's reason, or `chargeback` for a case opened from the buyer's bank. */
export const disputeReason = z.enum(['not_received', 'not_as_described', 'damaged', 'wrong_item', 'other', 'chargeback']);

export type DisputeReason = z.infer<typeof disputeReason>;

/** A disputed line: its product (one line per product), its seller and what it cost the buyer. */
export const disputedLine = z.strictObject({ productId: uuid, sellerId: uuid, amount: money.describe('The line total') });

export type DisputedLine = z.infer<typeof disputedLine>;
