import { PostgresEventStore } from '@marketplace/event-store';
import { schemaFor } from '@marketplace/platform';
import { ProjectionEngine, type ProjectionDefinition } from '@marketplace/projections';
import type { Knex } from 'knex';
import type { Pool } from 'pg';
import { OpsError, OpsNotFoundError } from '../ops-command';
import { EVENT_SOURCED_SERVICES, type EventSourcedService } from './event-sourced-services';

/** A service's projections on an engine of the CLI's own; nothing runs until asked. */
export interface ServiceProjections {
  service: string;
  schema: string;
  definitions: readonly ProjectionDefinition[];
  engine: ProjectionEngine;
}

export async function serviceProjections(manifest: EventSourcedService, knex: Knex, pool: Pool): Promise<ServiceProjections> {
  const schema = schemaFor(manifest.service);
  const definitions = await manifest.projections(knex);
  const eventStore = new PostgresEventStore({ pool, schema });
  return { service: manifest.service, schema, definitions, engine: new ProjectionEngine({ knex, eventStore, schema, projections: definitions }) };
}

/** The service that owns the projection `name` (`--service` picks one when several have that name). */
export async function projectionOwner(name: string, service: string | undefined, knex: Knex, pool: Pool): Promise<ServiceProjections> {
  const loaded = await Promise.all(
    // A service never set up in this database (search without pg_trgm) has nothing to rebuild yet.
    EVENT_SOURCED_SERVICES.filter((m) => !service || m.service === service).map((m) => serviceProjections(m, knex, pool).catch(() => undefined)),
  );
  const all = loaded.filter((s) => s !== undefined);
  const owners = all.filter((s) => s.definitions.some((d) => d.name === name));
  if (owners.length === 1) return owners[0];
  if (owners.length > 1) throw new OpsError(`projection "${name}" exists in ${owners.map((o) => o.service).join(' and ')}; add --service`);
  const known = all.flatMap((s) => s.definitions.map((d) => `${d.name} (${s.service})`));
  throw new OpsNotFoundError(`unknown projection "${name}"${service ? ` in ${service}` : ''}; projections: ${known.join(', ')}`);
}
