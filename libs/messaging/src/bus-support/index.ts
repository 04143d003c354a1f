export * from './bus-errors';
export * from './bus-logger';
export * from './redelivery';
export * from './outgoing-message';
export * from './topic-partition';
export * from './consumer-options';
export * from './partition-count';
export * from './consumer-lag';
