import type { Pool, PoolClient } from 'pg';
import type { BusTables } from './bus-tables';

type Queryable = Pool | PoolClient;

/** Creates the topics that do not exist yet with `partitions` partitions; existing topics keep theirs. */
export async function createMissingTopics(db: Queryable, t: BusTables, topics: string[], partitions: number): Promise<void> {
  await db.query(
    `WITH created AS (
       INSERT INTO ${t.topics} (name, partitions) SELECT DISTINCT unnest($1::text[]), $2::integer
       ON CONFLICT (name) DO NOTHING RETURNING name, partitions
     )
     INSERT INTO ${t.partitions} (topic, partition) SELECT name, generate_series(0, partitions - 1) FROM created`,
    [topics, partitions],
  );
}

export async function partitionCounts(db: Queryable, t: BusTables, topics: string[]): Promise<Map<string, number>> {
  const { rows } = await db.query<{ name: string; partitions: number }>(`SELECT name, partitions FROM ${t.topics} WHERE name = ANY($1::text[])`, [topics]);
  return new Map(rows.map((r) => [r.name, r.partitions]));
}
