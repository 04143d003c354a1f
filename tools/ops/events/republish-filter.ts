import { type CloudEvent, marketplaceEvents } from '@marketplace/contracts';
import { stringOption, timeOption } from '../cli/arg-values';
import { OpsError, type ParsedArgs } from '../ops-command';

/** Which events of the history to republish; every given criterion must hold. */
export interface RepublishFilter {
  /** An event stream (`order-<id>`), or the aggregate id of an outbox service's events. */
  stream?: string;
  /** A CloudEvent type, version included. */
  type?: string;
  /** Inclusive, on the event's time. */
  since?: Date;
  /** Exclusive, on the event's time. */
  until?: Date;
}

/** The filter asked for; refuses none at all unless `--all` says so, and criteria that cannot match. */
export function republishFilter(args: ParsedArgs): RepublishFilter {
  const filter: RepublishFilter = {
    stream: stringOption(args, 'stream'),
    type: stringOption(args, 'type'),
    since: timeOption(args, 'since'),
    until: timeOption(args, 'until'),
  };
  const given = Object.values(filter).some((value) => value !== undefined);
  if (!given && args.options.all !== true) {
    throw new OpsError('give --stream, --type, --since or --until; republishing the whole history needs --all');
  }
  if (given && args.options.all === true) throw new OpsError('--all republishes everything: leave out the other filters, or --all');
  if (filter.type !== undefined && !marketplaceEvents.has(filter.type)) {
    throw new OpsError(`unknown event type "${filter.type}"; types look like marketplace.orders.OrderPlaced.v3`);
  }
  if (filter.since && filter.until && filter.since >= filter.until) throw new OpsError('--since must be before --until');
  return filter;
}

/** True when the event (from `stream`, or with that aggregate id) passes every criterion. */
export function matchesFilter(filter: RepublishFilter, stream: string, event: CloudEvent): boolean {
  const time = new Date(event.time);
  return (
    (filter.stream === undefined || filter.stream === stream) &&
    (filter.type === undefined || filter.type === event.type) &&
    (filter.since === undefined || time >= filter.since) &&
    (filter.until === undefined || time < filter.until)
  );
}
