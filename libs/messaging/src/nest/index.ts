export * from './connect-messaging';
export * from './handler-errors';
export * from './messaging-context';
export * from './messaging-lifecycle';
export * from './messaging-module-options';
export * from './messaging-transport';
export * from './messaging.module';
export * from './messaging.tokens';
