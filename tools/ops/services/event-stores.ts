import { PostgresEventStore } from '@marketplace/event-store';
import { BACKEND_SERVICES, schemaFor } from '@marketplace/platform';
import type { Pool } from 'pg';
import { OpsError } from '../ops-command';

/** One service's event store, read through the store's own adapter over the CLI's pool. */
export interface ServiceStore {
  service: string;
  schema: string;
  store: PostgresEventStore;
}

/** Every service schema (SERVICE_NAME is the schema) that holds an event store, in service order. */
export async function serviceStores(pool: Pool): Promise<ServiceStore[]> {
  const schemas = BACKEND_SERVICES.map((service) => ({ service, schema: schemaFor(service) }));
  const { rows } = await pool.query<{ schema: string }>(
    `SELECT table_schema AS schema FROM information_schema.tables
      WHERE table_schema = ANY($1) AND table_name IN ('events', 'streams')
      GROUP BY table_schema HAVING count(*) = 2`,
    [schemas.map((s) => s.schema)],
  );
  const present = new Set(rows.map((row) => row.schema));
  return schemas.filter((s) => present.has(s.schema)).map((s) => ({ ...s, store: new PostgresEventStore({ pool, schema: s.schema }) }));
}

/** The service whose store holds `stream`; a stream found in none (or in several) is the operator's error. */
export async function storeOfStream(pool: Pool, stream: string): Promise<ServiceStore> {
  const stores = await serviceStores(pool);
  const holders: ServiceStore[] = [];
  for (const candidate of stores) {
    const { rowCount } = await pool.query(`SELECT 1 FROM "${candidate.schema}".streams WHERE stream_id = $1`, [stream]);
    if (rowCount) holders.push(candidate);
  }
  if (holders.length === 1) return holders[0];
  if (holders.length === 0) {
    throw new OpsError(`no stream "${stream}" in ${stores.map((s) => s.service).join(', ') || 'any event store'} (\`streams list\` shows the categories)`);
  }
  throw new OpsError(`stream "${stream}" is in several services (${holders.map((h) => h.service).join(', ')})`);
}
