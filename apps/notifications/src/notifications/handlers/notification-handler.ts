import type { EventData, EventType } from '@marketplace/contracts';
import type { Category, Channel } from '../domain/channels';
import type { Template } from '../templates/template';

/** An order as OrderPlaced told it: what order messages show, and who bought and who sells. */
export type OrderFacts = EventData<'marketplace.orders.OrderPlaced.v3'>;

/** A dispute as DisputeOpened told it: its kind, buyer and disputed lines with their sellers. */
export type DisputeFacts = EventData<'marketplace.orders.DisputeOpened.v1'>;

/** What handlers may use besides the event: notifications' own projections and the delivery key. */
export interface HandlerContext {
  /** The order the handler names (`order`); the planner waits until it is known before calling. */
  order(): OrderFacts;
  /** The dispute the handler names (`dispute`); the planner waits until it is known before calling. */
  dispute(): DisputeFacts;
  /** Opens a link identity sealed for us (throws when the key does not fit). */
  openLink(sealedLink: string, keyId: string): string;
}

/** Who gets the message, with the template's data for them. `email` overrides the directory's address. */
export type Audience<D> = { to: 'user'; userId: string; data: D; email?: string } | { to: 'admins'; data: D };

/**
 * One declarative handler per event type: which event, which messages it is (template, category,
 * channels), which order and dispute it needs, whether it applies, and who gets it with what data.
 */
export interface NotificationHandler<T extends EventType = EventType, D = unknown> {
  event: T;
  template: Template<D>;
  category: Category;
  channels: readonly Channel[];
  order?: (data: EventData<T>) => string;
  dispute?: (data: EventData<T>) => string;
  filter?: (data: EventData<T>, context: HandlerContext) => boolean;
  audience: (data: EventData<T>, context: HandlerContext) => Array<Audience<D>>;
}

/** Types a handler from its event type and template data. */
export function notificationHandler<T extends EventType, D>(handler: NotificationHandler<T, D>): NotificationHandler<T, D> {
  return handler;
}

/** Each seller of the order, with the template data for them (given their lines). */
export function eachSeller<D>(order: OrderFacts, data: (lines: OrderFacts['lines']) => D): Array<Audience<D>> {
  const sellerIds = [...new Set(order.lines.map((line) => line.sellerId))];
  return sellerIds.map((sellerId) => ({ to: 'user', userId: sellerId, data: data(order.lines.filter((line) => line.sellerId === sellerId)) }));
}
