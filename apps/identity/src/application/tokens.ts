/** DI tokens of the identity service's parts that are values, not classes. */
export const IDENTITY_CONFIG = Symbol('IDENTITY_CONFIG');
export const SIGNING_KEYS = Symbol('SIGNING_KEYS');
