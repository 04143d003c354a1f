export * from './kafka-bus';
export * from './kafka-tuning';
export * from './kafka-consumer-lag';
