import { foldEvents } from '@marketplace/event-store';
import { noMorePositionals, positional, timeOption } from '../cli/arg-values';
import { OpsError, type OpsCommand } from '../ops-command';
import { storeOfStream } from '../services/event-stores';
import { deciderOfStream } from '../services/stream-deciders';

export const aggregate: OpsCommand = {
  name: 'aggregate',
  summary: "an order's or payment's state as it stood at a past moment",
  help: [
    'Usage: npm run ops -- aggregate <stream> --as-of <ISO 8601 time>',
    '',
    "Folds the stream's events recorded at or before that moment through the service's own decider",
    '(order-, checkout-, dispute-, payment- and payout- streams) and prints, as JSON, the state then,',
    'the revision it stood at and the events folded. Nothing is written.',
    '',
    'Options:',
    '  --as-of <time>   e.g. 2025-03-01T12:00:00Z (a time without a zone is UTC)',
    '',
    'Example: npm run ops -- aggregate payment-6f1c2b8e-0d7a-4c1e-9d55-2b1f0f3c9a10 --as-of 2025-03-01T12:00:00Z',
  ].join('\n'),
  options: { 'as-of': 'value' },
  async run(args, { pool, out }) {
    const stream = positional(args, 0, 'stream');
    noMorePositionals(args, 1);
    const asOf = timeOption(args, 'as-of');
    if (!asOf) throw new OpsError('missing --as-of <ISO 8601 time>');
    const { service, store } = await storeOfStream(pool, stream);
    const decider = deciderOfStream(service, stream);
    const events = (await store.readStream(stream)).filter((event) => event.recordedAt.getTime() <= asOf.getTime());
    // Decoded as the services decode them: type and data as stored.
    const state = foldEvents(decider, events.map((event) => ({ type: event.type, data: event.data })));
    const folded = events.map((e) => ({ revision: e.revision, type: e.type, time: e.recordedAt.toISOString(), id: e.id }));
    const revision = events.length > 0 ? events[events.length - 1].revision : null;
    out.line(JSON.stringify({ stream, service, asOf: asOf.toISOString(), revision, state, events: folded }, null, 2));
  },
};
