export * from './base-config';
export * from './env-types';
export * from './load-config';
export * from './service-urls';
