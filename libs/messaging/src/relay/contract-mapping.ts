import { eventTypes, marketplaceEvents, type MarketplaceEventDefinition } from '@marketplace/contracts';
import type { RecordedEventMapper } from './recorded-event-mapping';

/**
 * The mapping of an event-sourced service that publishes its stored events under their own names: a
 * stored `OrderPlaced` of context `orders` goes out as the newest version of
 * `marketplace.orders.OrderPlaced`, on that contract's topic, keyed by the contract's aggregate id field;
 * a stored event no contract names stays private. Tools that hold no service code (the ops CLI) rebuild
 * what a service's relay published with it; a service's own mapper is checked against it in its tests.
 */
export function publishByContract(context: string, streamPrefixes: readonly string[]): RecordedEventMapper {
  const byName = new Map<string, MarketplaceEventDefinition>();
  for (const definition of Object.values(eventTypes) as MarketplaceEventDefinition[]) {
    if (definition.context === context && !byName.has(definition.name)) {
      byName.set(definition.name, eventTypes[marketplaceEvents.latestVersionOf(definition.type)]);
    }
  }
  return (event) => {
    const contract = byName.get(event.type);
    if (!contract || !streamPrefixes.some((prefix) => event.streamId.startsWith(prefix))) return undefined;
    const subject = (event.data as Record<string, unknown> | null)?.[contract.aggregateId];
    return { topic: contract.topic, type: contract.type, subject: typeof subject === 'string' ? subject : '' };
  };
}
