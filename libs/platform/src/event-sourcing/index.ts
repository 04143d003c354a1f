export * from './event-sourcing.tokens';
export * from './event-sourcing-options';
export * from './event-sourcing.module';
