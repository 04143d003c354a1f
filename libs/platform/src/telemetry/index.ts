export * from './start-telemetry';
export { tracedRequestListener, tracedServerFactory } from './server-spans';
