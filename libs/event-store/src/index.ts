export * from './port';
export * from './errors';
export * from './position';
export * from './decider';
export * from './command-handler';
export * from './postgres/postgres-event-store';
export * from './kurrentdb/kurrentdb-event-store';
export * from './testing';
