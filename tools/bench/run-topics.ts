import { randomBytes } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';

/**
 * A topic prefix of the run's own (KAFKA_TOPIC_PREFIX for the services): its consumers start on empty
 * topics, with no history of earlier runs to catch up on, and `deleteTopics` removes them after.
 */
export function runTopicPrefix(label: string): string {
  return `${label}-${randomBytes(4).toString('hex')}.`;
}

/** Deletes the topics of a run (the bus has no such call: services never delete topics), so runs leave no data behind. */
export async function deleteTopics(brokers: string[], prefix: string): Promise<void> {
  const admin = new Kafka({ clientId: 'bench-cleanup', brokers, logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    const topics = (await admin.listTopics()).filter((topic) => topic.startsWith(prefix));
    if (topics.length > 0) await admin.deleteTopics({ topics });
  } finally {
    await admin.disconnect();
  }
}
