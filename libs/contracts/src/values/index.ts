export * from './ids';
export * from './mobile-money';
export * from './money';
export * from './payment-method';
export * from './quantity';
export * from './timestamp';
export * from './text';
