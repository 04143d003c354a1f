import { redeliveryOf } from '@marketplace/messaging';
import { noMorePositionals, positional, stringOption } from '../cli/arg-values';
import { type OpsCommand, OpsError } from '../ops-command';
import { busName, withMessageBus } from '../events/ops-message-bus';
import { dlqTopicsOf, letterId, lettersNamed, type ListedLetter, readLetters } from './dead-letters';
import { ReplayLedger } from './replay-ledger';

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
    const id = stringOption(args, 'id');
    const ledger = new ReplayLedger(context.pool);
    await ledger.migrate();
    await withMessageBus(context, async (bus) => {
      const letters = await readLetters(bus, ledger, topic);
      const pending = (id === undefined ? letters : lettersNamed(letters, id, topic)).filter((letter) => !letter.replayedAt);
      if (id !== undefined && pending.length === 0) throw new OpsError(`dead letter "${id}" of ${topic} was replayed already`);
      if (pending.length === 0) return context.out.line(`${topic}: nothing to replay`);
      const producer = await bus.producer();
      const progress = context.out.progress(`replaying ${topic} to ${busName(context)}`, pending.length, 'letters');
      let replayed = 0;
      try {
        for (const letters of byEvent(pending)) {
          if (context.signal?.aborted) throw new OpsError(`interrupted after ${replayed} events; the rest are still pending`);
          const places = letters.map((letter) => ({ place: letter.place, eventId: letter.eventId }));
          if (await ledger.replayOnce(topic, places, () => producer.send([redeliveryOf(letters[0])]))) replayed += 1;
          progress.advance(letters.length);
        }
      } finally {
        progress.done(`${replayed} events replayed`);
        await producer.close();
      }
      context.out.line(`${topic} -> ${pending[0].originalTopic}: ${replayed} sent`);
    });
  },
};

/** The letters of one event go back as one message: every group of the topic receives it anyway. */
function byEvent(letters: ListedLetter[]): ListedLetter[][] {
  const groups = new Map<string, ListedLetter[]>();
  for (const letter of letters) groups.set(letterId(letter), [...(groups.get(letterId(letter)) ?? []), letter]);
  return [...groups.values()];
}
