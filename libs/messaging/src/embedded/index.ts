export * from './embedded-bus';
export * from './embedded-tuning';
export * from './embedded-consumer-lag';
