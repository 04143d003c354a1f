export { Public } from '@marketplace/platform';
export * from './authenticated-user';
export * from './bearer-token';
export * from './delivery-seal';
export * from './delivery-seal-config';
export * from './verifier-options';
export * from './jwks-token-verifier';
export * from './nest';
export * from './testing';
