import { type ConsumerGroupLag, embeddedConsumerLag, kafkaConsumerLag } from '@marketplace/messaging';
import type { OpsConnection } from '../ops-context';

/** Every consumer group's lag per topic, from the broker in Kafka mode, else from the embedded bus; `where` names which. */
export async function consumerGroupLags(connection: OpsConnection): Promise<{ where: string; lags: ConsumerGroupLag[] }> {
  const brokers = connection.kafkaBrokers;
  const lags = brokers ? await kafkaConsumerLag({ brokers: [...brokers], topicPrefix: connection.kafkaTopicPrefix }) : await embeddedConsumerLag(connection.pool);
  return { where: brokers ? `Kafka at ${brokers.join(',')}` : 'embedded bus in PostgreSQL', lags };
}
