export * from './port';
export * from './bus-support';
// Not the Kafka adapter itself: createMessageBus loads it (and kafkajs) only when brokers are configured.
export type { KafkaTuning } from './kafka/kafka-tuning';
export { kafkaConsumerLag, type KafkaLagOptions } from './kafka/kafka-consumer-lag';
export * from './embedded';
export * from './create-message-bus';
export * from './consumer';
export * from './inbox';
export * from './outbox';
export * from './relay';
export * from './nest';
export * from './tracing';
