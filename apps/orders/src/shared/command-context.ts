import type { Actor } from '../orders/domain/order-commands';

/**
 * Where a command comes from. `commandId` seeds the ids of the events it appends, so running the same
 * command again (a redelivered input, a retried request) re-appends identical ids: a no-op in the store.
 */
export interface CommandContext {
  commandId: string;
  actor: Actor;
  /** The request or the chain of events this belongs to (x-request-id, or the input's correlation id). */
  correlationId: string;
  /** The event that caused this command, when one did. */
  causationId?: string;
}

/** Stored with every event of the command; the relay copies correlationid and causationid onto the CloudEvent. */
export function eventMetadata(context: CommandContext): Record<string, unknown> {
  return {
    actor: context.actor,
    correlationid: context.correlationId,
    ...(context.causationId && { causationid: context.causationId }),
  };
}
