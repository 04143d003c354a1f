export * from './port';
export * from './consumer';
export * from './inbox';
export * from './outbox';
export * from './relay';
