export * from './infrastructure';
export * from './test-database';
export * from './backends';
export * from './wait-for';
export * from './unique-name';
export * from './processes';
export * from './smtp';
export * from './sse';
