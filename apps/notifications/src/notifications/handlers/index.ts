import type { EventType } from '@marketplace/contracts';
import { accountHandlers } from './account-handlers';
import { disputeHandlers } from './dispute-handlers';
import type { NotificationHandler } from './notification-handler';
import { orderHandlers } from './order-handlers';
import { paymentHandlers } from './payment-handlers';
import { payoutHandlers } from './payout-handlers';

export * from './notification-handler';

const ALL: readonly NotificationHandler[] = [...accountHandlers, ...orderHandlers, ...disputeHandlers, ...paymentHandlers, ...payoutHandlers] as unknown as NotificationHandler[];

/** The handlers of one event type (an event may be several messages, e.g. to the buyer and to the sellers). */
export function handlersFor(type: string): readonly NotificationHandler[] {
  return ALL.filter((handler) => handler.event === (type as EventType));
}
