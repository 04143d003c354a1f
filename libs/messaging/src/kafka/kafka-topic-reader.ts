import { randomUUID } from 'node:crypto';
import type { Admin, Kafka } from 'kafkajs';
import { compareTopicPartitions } from '../bus-support';
import type { IncomingMessage } from '../port';
import { toIncoming } from './kafka-consumer';
import type { KafkaNamespace } from './kafka-namespace';

/**
 * Reads a topic from its low to its high watermarks as fetched on entry. kafkajs has no group-less
 * consumer, so a throwaway group reads it without committing, and is deleted afterwards.
 */
export async function readKafkaTopic(kafka: Kafka, admin: Admin, namespace: KafkaNamespace, topic: string): Promise<IncomingMessage[]> {
  const onBroker = namespace.topic(topic);
  if (!(await admin.listTopics()).includes(onBroker)) return [];
  const watermarks = await admin.fetchTopicOffsets(onBroker);
  const ends = new Map(watermarks.filter((p) => BigInt(p.high) > BigInt(p.low)).map((p) => [p.partition, BigInt(p.high)]));
  if (ends.size === 0) return [];
  const groupId = namespace.group(`topic-reader-${randomUUID()}`);
  const consumer = kafka.consumer({ groupId, allowAutoTopicCreation: false, maxWaitTimeInMs: 100 });
  const messages: IncomingMessage[] = [];
  try {
    await consumer.connect();
    await consumer.subscribe({ topics: [onBroker], fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      consumer.on(consumer.events.CRASH, ({ payload }) => payload.restart || reject(payload.error));
      consumer
        .run({
          autoCommit: false,
          eachMessage: async ({ partition, message }) => {
            const end = ends.get(partition);
            if (end === undefined) return;
            const offset = BigInt(message.offset);
            if (offset < end) messages.push(toIncoming({ topic, partition }, message));
            // Offsets of a topic that is neither compacted nor transactional have no gaps: end - 1 comes.
            if (offset + 1n >= end) ends.delete(partition);
            if (ends.size === 0) resolve();
          },
        })
        .catch(reject);
    });
  } finally {
    await consumer.disconnect().catch(() => undefined);
    await admin.deleteGroups([groupId]).catch(() => undefined);
  }
  return messages.sort((a, b) => compareTopicPartitions(a, b) || Number(BigInt(a.offset) - BigInt(b.offset)));
}
