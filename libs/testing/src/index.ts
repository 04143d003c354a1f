export * from './infrastructure';
export * from './test-database';
export * from './backends';
