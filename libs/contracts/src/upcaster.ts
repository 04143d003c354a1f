import type { DataInputOf, DataOf, EventDefinition, EventTypeName } from './define-event';

/** Turns the data of one event version into the data of the next version of the same event. */
export interface Upcaster {
  from: EventTypeName;
  to: EventTypeName;
  upcast(data: unknown): unknown;
}

/**
 * Declares how `from` (vN) becomes `to` (vN+1). The catalog validates the result against `to`'s
 * schema, so an upcaster only has to map fields.
 */
export function defineUpcaster<F extends EventDefinition, T extends EventDefinition>(
  from: F,
  to: T,
  upcast: (data: DataOf<F>) => DataInputOf<T>,
): Upcaster {
  if (from.context !== to.context || from.name !== to.name || to.version !== from.version + 1) {
    throw new Error(`An upcaster goes from one version to the next of the same event, not ${from.type} -> ${to.type}`);
  }
  return { from: from.type, to: to.type, upcast: (data) => upcast(data as DataOf<F>) };
}
