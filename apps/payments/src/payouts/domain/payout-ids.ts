import { nameBasedId } from '@marketplace/kernel';

/**
 * The next payout of a seller in a currency, named by how many it had: two passes that read the same
 * balance name the same payout, and the stream takes it once, so they cannot pay the money twice.
 */
export function nextPayoutId(sellerId: string, currency: string, payoutsScheduled: number): string {
  return nameBasedId(sellerId, `payout:${currency}:${payoutsScheduled + 1}`);
}
