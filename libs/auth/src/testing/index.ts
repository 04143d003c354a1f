export * from './jwks-server';
export * from './test-key';
export * from './test-token-issuer';
