import { intOption, noMorePositionals, positional } from '../cli/arg-values';
import type { OpsCommand } from '../ops-command';
import { formatTable } from '../output/table';
import { storeOfStream } from '../services/event-stores';

const DEFAULT_LIMIT = 20;

export const streamsShow: OpsCommand = {
  name: 'streams show',
  summary: "one stream's events, a page at a time",
  help: [
    'Usage: npm run ops -- streams show <stream> [--limit <n>] [--after <revision>]',
    '',
    "Prints a stream's events in order: revision, type, time recorded, event id and data (compact JSON).",
    'The stream is looked up in every service that keeps event streams.',
    '',
    'Options:',
    `  --limit <n>          events per page (default ${DEFAULT_LIMIT}, at most 1000)`,
    '  --after <revision>   start after this revision (the last one of the previous page)',
    '',
    'Example: npm run ops -- streams show order-6f1c2b8e-0d7a-4c1e-9d55-2b1f0f3c9a10 --after 19',
  ].join('\n'),
  options: { limit: 'value', after: 'value' },
  async run(args, { pool, out }) {
    const stream = positional(args, 0, 'stream');
    noMorePositionals(args, 1);
    const limit = intOption(args, 'limit', { min: 1, max: 1000 }) ?? DEFAULT_LIMIT;
    const after = intOption(args, 'after', { min: 0 });
    const { service, store } = await storeOfStream(pool, stream);
    // One more than asked: tells whether another page follows without counting the stream.
    const events = await store.readStream(stream, { from: after === undefined ? 0 : after + 1, maxCount: limit + 1 });
    const page = events.slice(0, limit);
    out.line(`${stream} (${service})`);
    if (page.length === 0) {
      out.line(`No events after revision ${after}.`);
      return;
    }
    const rows = page.map((e) => [String(e.revision), e.type, e.recordedAt.toISOString(), e.id, JSON.stringify(e.data)]);
    for (const line of formatTable(['REVISION', 'TYPE', 'TIME', 'ID', 'DATA'], rows)) out.line(line);
    if (events.length > limit) out.line(`More: --after ${page[page.length - 1].revision}`);
  },
};
