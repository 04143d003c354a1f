export * from './authenticated-user';
export * from './bearer-token';
export * from './verifier-options';
export * from './jwks-token-verifier';
export * from './testing';
