import type { FactoryProvider, ModuleMetadata } from '@nestjs/common';
import type { TokenVerifierOptions } from '../verifier-options';

/** DI token of the options AuthModule was configured with. */
export const AUTH_OPTIONS = Symbol('AUTH_OPTIONS');

export type AuthModuleOptions = TokenVerifierOptions;

export interface AuthModuleAsyncOptions extends Pick<ModuleMetadata, 'imports'> {
  inject?: FactoryProvider['inject'];
  useFactory: (...args: never[]) => AuthModuleOptions | Promise<AuthModuleOptions>;
}
