/** DI token of the parsed configuration (a BaseConfig, or the app's own extension of it). */
export const PLATFORM_CONFIG = Symbol('PLATFORM_CONFIG');
/** DI token of the service's pino logger. */
export const LOGGER = Symbol('LOGGER');
