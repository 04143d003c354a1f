export * from './with-transaction';
