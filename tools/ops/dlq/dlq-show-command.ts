import { noMorePositionals, positional } from '../cli/arg-values';
import type { OpsCommand } from '../ops-command';
import { withMessageBus } from '../events/ops-message-bus';
import { dlqTopicsOf, lettersNamed, readLetters } from './dead-letters';
import { letterDetails } from './letter-lines';
import { ReplayLedger } from './replay-ledger';

export const dlqShowCommand: OpsCommand = {
  name: 'dlq show',
  summary: 'one dead letter in full: error, headers and the original message',
  help: `Usage: npm run ops -- dlq show <topic> <id>

Shows a dead letter of <topic> in full. <id> is the event id \`dlq list\` shows, or the letter's
<partition>:<offset> in <topic>.dlq; an event dead-lettered by several consumer groups shows each letter.

Example: npm run ops -- dlq show orders.order.v1 0b7f7bd6-5c2a-4a8e-9d43-6c1e2b7b0f11`,
  options: {},

  async run(args, context) {
    const [topic] = dlqTopicsOf(positional(args, 0, 'topic'));
    const id = positional(args, 1, 'id');
    noMorePositionals(args, 2);
    const ledger = new ReplayLedger(context.pool);
    await ledger.migrate();
    const letters = await withMessageBus(context, (bus) => readLetters(bus, ledger, topic));
    for (const letter of lettersNamed(letters, id, topic)) letterDetails(letter).forEach((line) => context.out.line(line));
  },
};
