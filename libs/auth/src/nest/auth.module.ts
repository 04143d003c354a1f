import { type DynamicModule, Module, type Provider } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwksTokenVerifier } from '../jwks-token-verifier';
import { AuthGuard } from './auth.guard';
import { AUTH_OPTIONS, type AuthModuleAsyncOptions, type AuthModuleOptions } from './auth-options';
import { serviceAuthOptions } from './service-token-config';

const sharedProviders: Provider[] = [
  { provide: JwksTokenVerifier, useFactory: (options: AuthModuleOptions) => new JwksTokenVerifier(options), inject: [AUTH_OPTIONS] },
  { provide: APP_GUARD, useClass: AuthGuard },
];

/**
 * Access-token checks for a service: a global guard (every route needs a Bearer token unless
 * @Public()), @Roles() and @CurrentUser(). The verifier is exported for code that checks tokens
 * outside a route (the gateway, a WebSocket or SSE handshake).
 */
@Module({})
export class AuthModule {
  static forRoot(options: AuthModuleOptions): DynamicModule {
    return {
      module: AuthModule,
      global: true,
      providers: [{ provide: AUTH_OPTIONS, useValue: options }, ...sharedProviders],
      exports: [JwksTokenVerifier],
    };
  }

  static forRootAsync(options: AuthModuleAsyncOptions): DynamicModule {
    return {
      module: AuthModule,
      global: true,
      imports: options.imports ?? [],
      providers: [{ provide: AUTH_OPTIONS, useFactory: options.useFactory, inject: options.inject ?? [] }, ...sharedProviders],
      exports: [JwksTokenVerifier],
    };
  }

  /** For a service whose config schema includes serviceTokenConfigShape: identity's JWKS, issuer and audience. */
  static forService(): DynamicModule {
    return AuthModule.forRootAsync(serviceAuthOptions);
  }
}
