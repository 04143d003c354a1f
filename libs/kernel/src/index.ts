export * from './analytics-range';
export * from './clock';
export * from './ids';
export * from './domain-error';
