import { type Actor, isAdmin } from '../../domain/actor';
import { NotProductOwnerError } from '../../domain/errors';

/** Only sellers and admins set stock at all: anyone else is refused before any product is looked at. */
export function assertMayManageStock(actor: Actor): void {
  if (!isAdmin(actor) && !actor.roles.includes('seller')) throw new NotProductOwnerError();
}

/** Only the product's seller (as an approved seller) or an admin may set its stock. */
export function assertMaySetStock(actor: Actor, sellerId: string): void {
  if (isAdmin(actor)) return;
  if (actor.roles.includes('seller') && actor.id === sellerId) return;
  throw new NotProductOwnerError();
}
