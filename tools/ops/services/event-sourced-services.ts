import type { Decider, DomainEvent } from '@marketplace/event-store';
import type { ProjectionDefinition } from '@marketplace/projections';
import type { Knex } from 'knex';
import { ordersOpsManifest } from '../../../apps/orders/src/ops-manifest';
import { paymentsOpsManifest } from '../../../apps/payments/src/ops-manifest';
import { searchOpsManifest } from '../../../apps/search/src/ops-manifest';

/** What a service whose records are event streams publishes for ops (its `src/ops-manifest.ts`). */
export interface EventSourcedService {
  /** SERVICE_NAME, which is also its schema. */
  service: string;
  /** The decider of each stream category (`order` for `order-<id>`). */
  deciders: Readonly<Record<string, Decider<never, DomainEvent, unknown>>>;
  projections(knex: Knex): Promise<readonly ProjectionDefinition[]>;
}

export const EVENT_SOURCED_SERVICES: readonly EventSourcedService[] = [ordersOpsManifest, paymentsOpsManifest, searchOpsManifest];
