export * from './auth-options';
export * from './auth.guard';
export * from './auth.module';
export * from './current-user.decorator';
export * from './roles.decorator';
export { userOf } from './request-user';
export * from './service-token-config';
