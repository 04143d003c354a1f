export * from './smtp-test-server';
