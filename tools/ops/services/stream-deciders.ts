import type { Decider, DomainEvent } from '@marketplace/event-store';
import { OpsError } from '../ops-command';
import { EVENT_SOURCED_SERVICES } from './event-sourced-services';

/** The decider of a stream's category (`order` for `order-<id>`), from the service that keeps it. */
export function deciderOfStream(service: string, stream: string): Decider<never, DomainEvent, unknown> {
  const manifest = EVENT_SOURCED_SERVICES.find((s) => s.service === service);
  const categories = Object.keys(manifest?.deciders ?? {})
    .filter((category) => stream.startsWith(`${category}-`))
    .sort((a, b) => b.length - a.length);
  if (!manifest || categories.length === 0) {
    const known = EVENT_SOURCED_SERVICES.flatMap((s) => Object.keys(s.deciders).map((c) => `${c}-<id>`));
    throw new OpsError(`no aggregate folds stream "${stream}" of ${service}; streams with one: ${known.join(', ')}`);
  }
  return manifest.deciders[categories[0]];
}
