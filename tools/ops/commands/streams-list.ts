import { stringOption } from '../cli/arg-values';
import type { OpsCommand } from '../ops-command';
import { formatCount, formatTable } from '../output/table';
import { serviceStores } from '../services/event-stores';

// A stream id is `<category>-<id>`; ids are UUIDs (with dashes of their own), else the last dash splits.
const CATEGORY_SQL = `coalesce(
  substring(stream_id from '^(.*)-[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$'),
  substring(stream_id from '^(.*)-'), stream_id)`;

export const streamsList: OpsCommand = {
  name: 'streams list',
  summary: 'streams by category in every event store, with counts of streams and events',
  help: [
    'Usage: npm run ops -- streams list [--category <category>]',
    '',
    'Lists the stream categories (order, checkout, dispute, payment, payout, ...) of every service that',
    'keeps event streams, with how many streams and events each has.',
    '',
    'Options:',
    '  --category <c>   only this category (e.g. order)',
    '',
    'Example: npm run ops -- streams list --category payment',
  ].join('\n'),
  options: { category: 'value' },
  async run(args, { pool, out }) {
    const only = stringOption(args, 'category');
    const rows: string[][] = [];
    for (const { service, schema } of await serviceStores(pool)) {
      const { rows: categories } = await pool.query<{ category: string; streams: string; events: string }>(
        `SELECT category, count(*) AS streams, sum(revision + 1) AS events
           FROM (SELECT ${CATEGORY_SQL} AS category, revision FROM "${schema}".streams WHERE revision >= 0) s
          WHERE $1::text IS NULL OR category = $1
          GROUP BY category ORDER BY category`,
        [only ?? null],
      );
      for (const c of categories) rows.push([service, c.category, formatCount(BigInt(c.streams)), formatCount(BigInt(c.events))]);
    }
    if (rows.length === 0) {
      out.line(only ? `No streams of category "${only}".` : 'No streams yet.');
      return;
    }
    for (const line of formatTable(['SERVICE', 'CATEGORY', 'STREAMS', 'EVENTS'], rows)) out.line(line);
  },
};
