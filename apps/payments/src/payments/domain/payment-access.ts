import type { StartedPayment } from './payment-state';

/** Who is asking: the verified caller of a request. */
export interface Actor {
  id: string;
  roles: readonly string[];
}

export function isAdmin(actor: Actor): boolean {
  return actor.roles.includes('admin');
}

/** A payment is seen by the buyer who pays it and by admins; to anyone else it does not exist. */
export function mayView(payment: StartedPayment, actor: Actor): boolean {
  return isAdmin(actor) || (payment.buyerId !== null && payment.buyerId === actor.id);
}
