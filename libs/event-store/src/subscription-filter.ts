import type { RecordedEvent, SubscribeToAllOptions } from './port';

/** True when the event passes the subscription's filter: every given prefix list must have a match. */
export function matchesFilter(filter: SubscribeToAllOptions['filter'], event: RecordedEvent): boolean {
  if (!filter) return true;
  const { streamPrefixes, eventTypePrefixes } = filter;
  if (streamPrefixes?.length && !streamPrefixes.some((p) => event.streamId.startsWith(p))) return false;
  if (eventTypePrefixes?.length && !eventTypePrefixes.some((p) => event.type.startsWith(p))) return false;
  return true;
}
