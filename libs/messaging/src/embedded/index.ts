export * from './embedded-bus';
export * from './embedded-tuning';
