export * from './start-telemetry';
export * from './traceparent';
