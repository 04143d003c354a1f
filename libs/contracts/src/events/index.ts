import { catalogInventoryEvents, catalogProductEvents } from './catalog';
import { identityEvents } from './identity';
import { notificationsEvents } from './notifications';
import { opsActionRecorded } from './ops/ops-action-recorded';
import { ordersEvents } from './orders';
import { paymentsEvents } from './payments';

export * from './catalog';
export * from './identity';
export * from './notifications';
export * from './ops/ops-action-recorded';
export * from './orders';
export * from './payments';

/** Every event version the marketplace publishes or still reads, grouped by topic. */
export const eventDefinitions = [
  ...identityEvents,
  ...catalogProductEvents,
  ...catalogInventoryEvents,
  ...ordersEvents,
  ...paymentsEvents,
  ...notificationsEvents,
  opsActionRecorded,
] as const;
