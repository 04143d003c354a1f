import type { EventStore } from '@marketplace/event-store';
import { encodeMessage, type EncodedMessage, publishedMessage, type RecordedEventMapper } from '@marketplace/messaging';
import { Kafka, logLevel, Partitioners } from 'kafkajs';
import { elapsedSeconds, type Measurement } from './measurement';

const READ_PAGE = 10_000;

/** The exact messages the relay sends for the log (key, JSON value, headers), read and encoded ahead of time. */
export async function encodedLog(store: EventStore, map: RecordedEventMapper, source: string): Promise<EncodedMessage[]> {
  const messages: EncodedMessage[] = [];
  for (let page = await store.readAll({ maxCount: READ_PAGE }); page.length > 0; ) {
    for (const event of page) {
      const message = publishedMessage(event, map, source);
      if (message) messages.push(encodeMessage(message));
    }
    page = await store.readAll({ fromPosition: page[page.length - 1].position, maxCount: READ_PAGE });
  }
  return messages;
}

/**
 * The ceiling: kafkajs alone with the relay's producer settings (idempotent, one request in flight,
 * acks from all in-sync replicas) sending the same messages from memory, `batch` per send.
 */
export async function benchRawProducer(brokers: string[], topic: string, messages: EncodedMessage[], batch: number): Promise<Measurement> {
  const kafka = new Kafka({ clientId: 'bench-raw-producer', brokers, logLevel: logLevel.NOTHING });
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false, createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();
  try {
    const started = process.hrtime.bigint();
    for (let i = 0; i < messages.length; i += batch) {
      await producer.send({ topic, acks: -1, messages: messages.slice(i, i + batch).map(({ key, value, headers }) => ({ key, value, headers })) });
    }
    const seconds = elapsedSeconds(started);
    const count = messages.length;
    return { name: `raw kafkajs producer (${batch} per send)`, rate: count / seconds, unit: 'events/s', eventsPerSecond: count / seconds, count, seconds };
  } finally {
    await producer.disconnect();
  }
}
