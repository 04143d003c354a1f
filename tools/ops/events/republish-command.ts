import { assertTopicName, type MessageBus, type Producer } from '@marketplace/messaging';
import { noMorePositionals, stringOption } from '../cli/arg-values';
import { type OpsCommand, OpsError, type ParsedArgs } from '../ops-command';
import type { OpsContext } from '../ops-context';
import { HISTORY_SOURCES } from './history-sources';
import { busName, withMessageBus } from './ops-message-bus';
import { type RepublishFilter, republishFilter } from './republish-filter';

export const republishCommand: OpsCommand = {
  name: 'events republish',
  summary: 'publish events from the history again, to their topics or to a sandbox topic',
  help: `Usage: npm run ops -- events republish [--stream <s>] [--type <t>] [--since <ISO>] [--until <ISO>] [--all] [--to-topic <t>] [--dry-run]

Sends events again exactly as their relay first published them (same envelope, event id and key, so
the same partition), read from orders' and payments' event stores and from identity's, catalog's and
notifications' outboxes; only what the relays have already published. To Kafka when the marketplace
runs on Kafka, else to the embedded bus. Consumers skip what they have handled (their inbox).

  --stream <s>     one stream (order-<id>, payment-<id>...), or an outbox service's aggregate id
  --type <t>       one event type, e.g. marketplace.orders.OrderPlaced.v3
  --since <ISO>    events at or after this time; --until <ISO> before it
  --all            the whole history (required when no filter is given)
  --to-topic <t>   send everything to this topic instead (a sandbox for backfills)
  --dry-run        count what would be sent, send nothing

Example: npm run ops -- events republish --type marketplace.orders.OrderPlaced.v3 --since 2025-03-01T00:00:00Z --to-topic analytics.backfill`,
  options: { stream: 'value', type: 'value', since: 'value', until: 'value', all: 'flag', 'to-topic': 'value', 'dry-run': 'flag' },

  async run(args, context) {
    noMorePositionals(args, 0);
    const filter = republishFilter(args);
    const toTopic = topicOption(args, 'to-topic');
    if (args.options['dry-run'] === true) return republish(context, filter, toTopic);
    await withMessageBus(context, (bus) => republish(context, filter, toTopic, bus));
  },
};

async function republish(context: OpsContext, filter: RepublishFilter, toTopic: string | undefined, bus?: MessageBus): Promise<void> {
  const producer: Producer | undefined = await bus?.producer();
  const sent = new Map<string, number>();
  const progress = context.out.progress(bus ? `republishing to ${busName(context)}` : 'counting (dry run)');
  try {
    for (const source of HISTORY_SOURCES) {
      for await (const page of source.messages(context.pool, filter)) {
        if (context.signal?.aborted) throw new OpsError(`interrupted after ${total(sent)} events; nothing half sent`);
        const messages = toTopic ? page.map((message) => ({ ...message, topic: toTopic })) : page;
        await producer?.send(messages);
        for (const { topic } of messages) sent.set(`${source.service} -> ${topic}`, (sent.get(`${source.service} -> ${topic}`) ?? 0) + 1);
        progress.advance(messages.length);
      }
    }
  } finally {
    progress.done(`${total(sent)} events ${bus ? 'republished' : 'to republish'}`);
    await producer?.close();
  }
  if (sent.size === 0) context.out.line('No published event matches.');
  for (const [route, count] of sent) context.out.line(`${route}: ${count} ${bus ? 'sent' : 'would be sent'}`);
}

function total(sent: Map<string, number>): number {
  return [...sent.values()].reduce((sum, n) => sum + n, 0);
}

function topicOption(args: ParsedArgs, name: string): string | undefined {
  const topic = stringOption(args, name);
  if (topic === undefined) return undefined;
  try {
    assertTopicName(topic);
  } catch {
    throw new OpsError(`--${name} "${topic}" is not a topic name: use 1 to 249 characters from [a-zA-Z0-9._-]`);
  }
  return topic;
}
