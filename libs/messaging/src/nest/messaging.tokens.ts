/** DI token of the bus the module uses (`MessageBus`). */
export const MESSAGING_BUS = Symbol('MESSAGING_BUS');
/** DI token of a shared `Producer` on that bus, closed on shutdown. */
export const MESSAGING_PRODUCER = Symbol('MESSAGING_PRODUCER');
