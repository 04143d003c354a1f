import type { AuthenticatedUser } from '@marketplace/auth';
import type { DisputeRole } from '../domain/dispute-commands';
import type { ActiveDispute } from '../domain/dispute-state';

/**
 * The part a caller plays in a dispute: its buyer, a seller of one of its lines, or an admin; undefined
 * for anyone else (to whom it does not exist). A chargeback case is between the marketplace and the bank: admins only.
 */
export function roleInDispute(dispute: ActiveDispute, caller: AuthenticatedUser): DisputeRole | undefined {
  const { kind, buyerId, lines } = dispute.opened;
  if (kind === 'buyer' && buyerId === caller.id) return 'buyer';
  if (kind === 'buyer' && caller.roles.includes('seller') && lines.some((line) => line.sellerId === caller.id)) return 'seller';
  return caller.roles.includes('admin') ? 'admin' : undefined;
}
