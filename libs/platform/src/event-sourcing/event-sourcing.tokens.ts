/** DI token of the service's event store (PostgreSQL, in the service's own schema). */
export const EVENT_STORE = Symbol('EVENT_STORE');
