import { noMorePositionals } from '../cli/arg-values';
import type { OpsCommand } from '../ops-command';
import { withMessageBus } from '../events/ops-message-bus';
import { dlqTopicsOf, readLetters } from './dead-letters';
import { letterTable } from './letter-lines';
import { ReplayLedger } from './replay-ledger';

export const dlqListCommand: OpsCommand = {
  name: 'dlq list',
  summary: 'dead letters of a topic (or of every topic) with their errors',
  help: `Usage: npm run ops -- dlq list [<topic>] [--replayed]

Lists the messages consumers gave up on: each topic's dead letters are in <topic>.dlq (on Kafka, or in
the embedded bus), with the consumer group, the attempts, the time and the error. Replayed letters are
left out unless --replayed is given. <topic> is orders.order.v1 or orders.order.v1.dlq; without it,
every marketplace topic.

Example: npm run ops -- dlq list orders.order.v1`,
  options: { replayed: 'flag' },

  async run(args, context) {
    noMorePositionals(args, 1);
    const topics = dlqTopicsOf(args.positionals[0]);
    const ledger = new ReplayLedger(context.pool);
    await ledger.migrate();
    await withMessageBus(context, async (bus) => {
      for (const topic of topics) {
        const letters = await readLetters(bus, ledger, topic);
        const shown = args.options.replayed === true ? letters : letters.filter((letter) => !letter.replayedAt);
        const replayed = letters.filter((letter) => letter.replayedAt).length;
        context.out.line(`${topic}: ${letters.length - replayed} pending, ${replayed} replayed`);
        if (shown.length > 0) letterTable(shown).forEach((line) => context.out.line(`  ${line}`));
      }
    });
  },
};
