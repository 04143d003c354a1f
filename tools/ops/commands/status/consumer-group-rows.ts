import { embeddedConsumerLag, kafkaConsumerLag } from '@marketplace/messaging';
import type { OpsContext } from '../../ops-context';
import { formatCount } from '../../output/table';

/** Every consumer group's lag per topic, from the broker in Kafka mode, else from the embedded bus. */
export async function consumerGroupRows(context: OpsContext): Promise<{ where: string; rows: string[][] }> {
  const brokers = context.kafkaBrokers;
  const lags = brokers
    ? await kafkaConsumerLag({ brokers: [...brokers], topicPrefix: context.kafkaTopicPrefix })
    : await embeddedConsumerLag(context.pool);
  const where = brokers ? `Kafka at ${brokers.join(',')}` : 'embedded bus in PostgreSQL';
  return { where, rows: lags.map((l) => [l.group, l.topic, String(l.partitions), formatCount(l.lag), String(l.members)]) };
}
