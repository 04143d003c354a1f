import type { Pool } from 'pg';
import { byGroupAndTopic, type ConsumerGroupLag } from '../bus-support';
import { busTables } from './bus-tables';

/**
 * Every consumer group's lag on the embedded bus, from its tables: a partition's next offset minus the
 * group's committed offset. Nothing is returned when the bus was never used (no tables yet).
 */
export async function embeddedConsumerLag(pool: Pool, schema = 'bus'): Promise<ConsumerGroupLag[]> {
  const t = busTables(schema);
  const { rows: exists } = await pool.query(`SELECT to_regclass($1) IS NOT NULL AS present`, [`${t.groupPartitions}`]);
  if (!exists[0]?.present) return [];
  const { rows } = await pool.query<{ group_id: string; topic: string; partitions: number; lag: string; members: number }>(
    `SELECT g.group_id, g.topic, count(*)::int AS partitions,
            sum(greatest(p.next_offset - g.committed_offset, 0)) AS lag,
            (SELECT count(*)::int FROM ${t.groupMembers} m
              WHERE m.group_id = g.group_id AND g.topic = ANY(m.topics) AND m.lease_until > now()) AS members
       FROM ${t.groupPartitions} g
       JOIN ${t.partitions} p ON p.topic = g.topic AND p.partition = g.partition
      GROUP BY g.group_id, g.topic`,
  );
  return rows
    .map((row) => ({ group: row.group_id, topic: row.topic, partitions: row.partitions, lag: Number(row.lag), members: row.members }))
    .sort(byGroupAndTopic);
}
