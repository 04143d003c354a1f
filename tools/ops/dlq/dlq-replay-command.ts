import { noMorePositionals, positional, stringOption } from '../cli/arg-values';
import type { OpsCommand } from '../ops-command';
import type { Progress } from '../ops-context';
import { busName, withMessageBus } from '../events/ops-message-bus';
import { dlqTopicsOf } from './dead-letters';
import { ReplayLedger } from './replay-ledger';
import { replayLetters, type ReplayOutcome } from './replay-letters';

export const dlqReplayCommand: OpsCommand = {
  name: 'dlq replay',
  summary: 'send dead letters back to their topic once the consumer is fixed',
  help: `Usage: npm run ops -- dlq replay <topic> [--id <id>]

Sends the pending dead letters of <topic> (or only letter <id>) back to the topic they came from, with
their original key (so the same partition), bytes and headers, and marks them replayed: a second replay
does not send them again. Every consumer group of the topic gets the message again; the groups that
had handled it skip it (their inbox), the one that failed handles it now. An event dead-lettered by
several groups is sent once.

Example: npm run ops -- dlq replay orders.order.v1 --id 0b7f7bd6-5c2a-4a8e-9d43-6c1e2b7b0f11`,
  options: { id: 'value' },

  async run(args, context) {
    const [topic] = dlqTopicsOf(positional(args, 0, 'topic'));
    noMorePositionals(args, 1);
    const ledger = new ReplayLedger(context.pool);
    await ledger.migrate();
    await withMessageBus(context, async (bus) => {
      let progress: Progress | undefined;
      let outcome: ReplayOutcome | undefined;
      try {
        outcome = await replayLetters(bus, ledger, {
          topic,
          id: stringOption(args, 'id'),
          signal: context.signal,
          onStart: (letters) => (progress = context.out.progress(`replaying ${topic} to ${busName(context)}`, letters, 'letters')),
          onProgress: (letters) => progress?.advance(letters),
        });
      } finally {
        progress?.done(outcome && `${outcome.replayed} events replayed`);
      }
      if (!outcome.originalTopic) context.out.line(`${topic}: nothing to replay`);
      else context.out.line(`${topic} -> ${outcome.originalTopic}: ${outcome.replayed} sent`);
    });
  },
};
