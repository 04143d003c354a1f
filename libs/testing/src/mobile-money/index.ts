export * from './daraja-scenarios';
export * from './daraja-test-server';
export * from './paynow-test-server';
export * from './merchant-posts';
