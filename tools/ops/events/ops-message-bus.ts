import { createMessageBus, type MessageBus, stderrBusLogger } from '@marketplace/messaging';
import type { OpsConnection } from '../ops-context';

/**
 * The marketplace's bus as its services see it: Kafka (under their topic prefix) when brokers are
 * configured, else the embedded bus in the marketplace's database. Closed when `work` is done.
 */
export async function withMessageBus<T>(context: OpsConnection, work: (bus: MessageBus) => Promise<T>): Promise<T> {
  const bus = createMessageBus({
    clientId: 'marketplace-ops',
    kafkaBrokers: context.kafkaBrokers && [...context.kafkaBrokers],
    kafkaTopicPrefix: context.kafkaTopicPrefix,
    databaseUrl: context.databaseUrl,
    // The bus's own warnings (rebalances) are noise on an operator's terminal; failures still throw.
    logger: stderrBusLogger('error'),
  });
  try {
    return await work(bus);
  } finally {
    await bus.close();
  }
}

/** Where messages go, for the operator's output. */
export function busName(context: OpsConnection): string {
  return context.kafkaBrokers?.length ? 'Kafka' : 'the embedded bus';
}
