export * from './event-store-relay';
export * from './recorded-event-mapping';
export * from './contract-mapping';
export * from './relay-checkpoints';
