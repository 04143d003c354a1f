export * from './ws-test-client';
