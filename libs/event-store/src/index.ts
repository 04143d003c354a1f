export * from './port';
export * from './errors';
export * from './position';
export * from './decider';
export * from './command-handler';
export * from './postgres/postgres-event-store';
export * from './postgres/transactional-append';
export * from './testing';

/**
 * The KurrentDB adapter, loaded when asked for: its client and gRPC stack cost every process that stores
 * in PostgreSQL about 10 MB of memory for nothing.
 */
export async function loadKurrentDBEventStore(): Promise<typeof import('./kurrentdb/kurrentdb-event-store').KurrentDBEventStore> {
  return (await import('./kurrentdb/kurrentdb-event-store')).KurrentDBEventStore;
}
