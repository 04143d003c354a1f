import type { Producer as KafkaJsProducer } from 'kafkajs';
import { BusClosedError, encodeMessage, type EncodedMessage } from '../bus-support';
import type { OutgoingMessage, Producer } from '../port';
import type { KafkaNamespace } from './kafka-namespace';

/**
 * Idempotent producer (one request in flight, so retries cannot reorder) waiting for acks from all
 * in-sync replicas. The value is the CloudEvent as JSON (headers repeat its type, id and trace) or the
 * bytes given.
 */
export class KafkaProducer implements Producer {
  private closed = false;

  constructor(
    private readonly producer: KafkaJsProducer,
    private readonly namespace: KafkaNamespace,
    private readonly ensureTopics: (topics: string[]) => Promise<void>,
    private readonly onClose: () => void,
  ) {}

  async send(messages: OutgoingMessage[]): Promise<void> {
    if (this.closed) throw new BusClosedError('Kafka producer');
    if (messages.length === 0) return;
    const byTopic = new Map<string, Omit<EncodedMessage, 'topic'>[]>();
    for (const { topic, ...message } of messages.map(encodeMessage)) {
      const batch = byTopic.get(topic) ?? [];
      batch.push(message);
      byTopic.set(topic, batch);
    }
    await this.ensureTopics([...byTopic.keys()]);
    await this.producer.sendBatch({ acks: -1, topicMessages: [...byTopic].map(([topic, batch]) => ({ topic: this.namespace.topic(topic), messages: batch })) });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.onClose();
    await this.producer.disconnect();
  }
}
