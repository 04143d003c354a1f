export * from './traceparent';
