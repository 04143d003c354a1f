export * from './daraja-scenarios';
export * from './daraja-test-server';
