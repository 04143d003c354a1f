import type { OpsCommand } from '../ops-command';
import { formatTable } from '../output/table';
import { withKnex } from '../services/ops-knex';
import { consumerGroupRows } from './status/consumer-group-rows';
import { projectionRows } from './status/projection-rows';

export const projectionsStatus: OpsCommand = {
  name: 'projections status',
  summary: "every projection's checkpoint and lag, and every consumer group's lag",
  help: [
    'Usage: npm run ops -- projections status',
    '',
    "Projections: each service's read models with the global-log position they hold (checkpoint), the",
    "head of the log they read, the lag in events, and who runs them (the session holding the",
    "projection's lock) or rebuilds them right now.",
    'Consumer groups: in Kafka mode the committed offsets of every group against the topics\' high',
    "watermarks (kafkajs admin); in embedded mode the embedded bus's committed offsets in PostgreSQL.",
    '',
    'Example: npm run ops -- projections status',
  ].join('\n'),
  options: {},
  async run(_args, context) {
    const { pool, out } = context;
    const projections = await withKnex(context.databaseUrl, (knex) => projectionRows(knex, pool));
    out.line('Projections');
    for (const line of formatTable(['SERVICE', 'PROJECTION', 'VERSION', 'CHECKPOINT', 'HEAD', 'LAG', 'STATE'], projections)) out.line(`  ${line}`);
    const groups = await consumerGroupRows(context);
    out.line('');
    out.line(`Consumer groups (${groups.where})`);
    if (groups.rows.length === 0) out.line('  none yet');
    else for (const line of formatTable(['GROUP', 'TOPIC', 'PARTITIONS', 'LAG', 'MEMBERS'], groups.rows)) out.line(`  ${line}`);
  },
};
