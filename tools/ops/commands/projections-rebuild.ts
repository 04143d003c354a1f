import { noMorePositionals, positional, stringOption } from '../cli/arg-values';
import type { OpsCommand } from '../ops-command';
import type { Progress } from '../ops-context';
import { rebuildProjection } from '../services/rebuild-projection';

export const projectionsRebuild: OpsCommand = {
  name: 'projections rebuild',
  summary: 'rebuild a read model from the start of the log without downtime',
  help: [
    'Usage: npm run ops -- projections rebuild <projection> [--service <service>]',
    '',
    'Builds the projection from the first event into shadow tables while the live tables keep serving',
    "(and the service's own runner keeps them current), then swaps the shadow tables in, in one",
    'transaction that holds the live checkpoint row: the runner waits for the swap and then carries on',
    'after the position the new tables hold, so no event is lost or applied twice.',
    'Only one rebuild of a projection runs at a time, whichever process asks; a second is refused with',
    'the session holding it. Ctrl-C stops it and drops the shadow tables, leaving the live ones as they',
    'were; run the command again to start over. `projections status` lists the projections.',
    '',
    'Options:',
    '  --service <s>   the service, when two have a projection of that name',
    '',
    'Example: npm run ops -- projections rebuild order-read-model',
  ].join('\n'),
  options: { service: 'value' },
  async run(args, context) {
    const name = positional(args, 0, 'projection');
    noMorePositionals(args, 1);
    let progress: Progress | undefined;
    const result = await rebuildProjection(context, {
      projection: name,
      service: stringOption(args, 'service'),
      signal: context.signal,
      onStart: ({ service, total }) => (progress = context.out.progress(`rebuild ${name} (${service})`, total)),
      onProgress: (events) => progress?.advance(events),
    });
    progress?.done();
    const at = result.position ? ` at global position ${result.position.prepare}` : '';
    context.out.line(`Rebuilt ${name} (${result.service}) from ${result.events} events and swapped it in${at}.`);
  },
};
