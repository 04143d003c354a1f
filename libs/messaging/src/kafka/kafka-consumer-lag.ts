import { byGroupAndTopic, type ConsumerGroupLag } from '../bus-support';
import { KafkaNamespace } from './kafka-namespace';

export interface KafkaLagOptions {
  brokers: string[];
  /** KAFKA_TOPIC_PREFIX: only groups with it are reported, and shown without it (as the services name them). */
  topicPrefix?: string;
}

/**
 * Every consumer group's lag on the broker (kafkajs admin): each topic's high watermarks minus the
 * group's committed offsets; a partition the group never committed counts from the low watermark.
 */
export async function kafkaConsumerLag(options: KafkaLagOptions): Promise<ConsumerGroupLag[]> {
  const namespace = new KafkaNamespace(options.topicPrefix);
  // kafkajs is loaded here, not with the library: a process on the embedded bus never needs it.
  const { Kafka, logLevel } = await import('kafkajs');
  const admin = new Kafka({ clientId: 'marketplace-ops', brokers: options.brokers, logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    const { groups } = await admin.listGroups();
    const names = groups.map((g) => g.groupId).filter((id) => namespace.owns(id));
    const described = names.length > 0 ? (await admin.describeGroups(names)).groups : [];
    const watermarks = new Map<string, Promise<{ partition: number; high: string; low: string }[]>>();
    const topicOffsets = (topic: string) => {
      const known = watermarks.get(topic) ?? admin.fetchTopicOffsets(topic);
      watermarks.set(topic, known);
      return known;
    };
    const lags: ConsumerGroupLag[] = [];
    for (const group of described) {
      for (const { topic, partitions } of await admin.fetchOffsets({ groupId: group.groupId })) {
        const ends = new Map((await topicOffsets(topic)).map((o) => [o.partition, o]));
        const lag = partitions.reduce((sum, p) => {
          const end = ends.get(p.partition);
          const from = Number(p.offset) >= 0 ? Number(p.offset) : Number(end?.low ?? 0);
          return sum + Math.max(Number(end?.high ?? 0) - from, 0);
        }, 0);
        lags.push({ group: namespace.logicalName(group.groupId), topic: namespace.logicalName(topic), partitions: partitions.length, lag, members: group.members.length });
      }
    }
    return lags.sort(byGroupAndTopic);
  } finally {
    await admin.disconnect();
  }
}
