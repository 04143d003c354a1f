export * from './consumer-metrics';
export * from './dead-letter';
export * from './dead-letter-record';
export * from './errors';
export * from './event-consumer';
export * from './event-handler';
export * from './event-pipeline';
export * from './retry-policy';
