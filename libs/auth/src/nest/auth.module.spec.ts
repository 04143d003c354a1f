import { Controller, Get, Module } from '@nestjs/common';
import { baseConfigSchema, createLogger, createServiceApp, parseConfig, PlatformModule, Public, type ServiceApp } from '@marketplace/platform';
import type { AuthenticatedUser } from '../authenticated-user';
import { TestTokenIssuer } from '../testing/test-token-issuer';
import { AuthModule } from './auth.module';
import { CurrentUser } from './current-user.decorator';
import { Roles } from './roles.decorator';

@Controller()
class AccountController {
  @Get('me')
  me(@CurrentUser() user: AuthenticatedUser): AuthenticatedUser {
    return user;
  }

  @Public()
  @Get('catalog')
  catalog(): { items: string[] } {
    return { items: [] };
  }

  @Public()
  @Get('public-but-asks-for-user')
  confused(@CurrentUser() user: AuthenticatedUser): AuthenticatedUser {
    return user;
  }

  @Roles('seller', 'admin')
  @Get('seller/orders')
  sellerOrders(): { orders: string[] } {
    return { orders: [] };
  }
}

@Roles('admin')
@Controller('admin')
class AdminController {
  @Get('applications')
  applications(): { applications: string[] } {
    return { applications: [] };
  }
}

@Public()
@Controller('reviews')
class ReviewsController {
  @Get()
  list(): { reviews: string[] } {
    return { reviews: [] };
  }

  @Roles('admin')
  @Get('flagged')
  flagged(): { reviews: string[] } {
    return { reviews: [] };
  }
}

/** Stands in for a service's parsed configuration, which forRootAsync reads. */
const SERVICE_CONFIG = Symbol('SERVICE_CONFIG');

function serviceModule(issuer: TestTokenIssuer, async: boolean) {
  @Module({ providers: [{ provide: SERVICE_CONFIG, useValue: { JWKS_URL: issuer.jwksUrl } }], exports: [SERVICE_CONFIG] })
  class ConfigModule {}
  const auth = async
    ? AuthModule.forRootAsync({
        imports: [ConfigModule],
        inject: [SERVICE_CONFIG],
        useFactory: (config: { JWKS_URL: string }) => ({ ...issuer.verifierOptions, jwksUrl: config.JWKS_URL, fetchTimeoutMs: 300 }),
      })
    : AuthModule.forRoot({ ...issuer.verifierOptions, fetchTimeoutMs: 300 });
  @Module({ imports: [PlatformModule.forRoot(), auth], controllers: [AccountController, AdminController, ReviewsController] })
  class ServiceModule {}
  return ServiceModule;
}

describe.each([
  ['forRoot', false],
  ['forRootAsync', true],
])('AuthModule.%s in a service', (_name, async) => {
  let issuer: TestTokenIssuer;
  let service: ServiceApp;

  beforeAll(async () => {
    issuer = await TestTokenIssuer.start();
    const config = parseConfig(baseConfigSchema, { SERVICE_NAME: 'shop', PORT: '0' });
    service = await createServiceApp(serviceModule(issuer, async), config, createLogger({ service: 'shop', level: 'silent' }));
  });

  afterAll(async () => {
    await service?.app.close();
    await issuer?.close();
  });

  const get = (url: string, token?: string) =>
    service.app.inject({ method: 'GET', url, headers: token === undefined ? {} : { authorization: `Bearer ${token}` } });

  const expectError = (response: Awaited<ReturnType<typeof get>>, status: number, code: string) => {
    expect(response.statusCode).toBe(status);
    expect(response.json().error).toMatchObject({ code, request_id: response.headers['x-request-id'] });
  };

  it('lets anyone reach @Public() routes and the platform probes', async () => {
    for (const url of ['/catalog', '/health', '/ready', '/metrics', '/openapi.json']) {
      expect((await get(url)).statusCode).toBe(200);
    }
  });

  it('answers 401 in the standard format without a token or with a non-Bearer one', async () => {
    expectError(await get('/me'), 401, 'unauthenticated');
    const basic = await service.app.inject({ method: 'GET', url: '/me', headers: { authorization: 'Basic dXNlcjpwYXNz' } });
    expectError(basic, 401, 'unauthenticated');
  });

  it('gives the handler the verified user', async () => {
    const token = await issuer.sign({ sub: 'user-7', email: 'grace@example.com', roles: ['buyer'] });
    const response = await get('/me', token);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ id: 'user-7', email: 'grace@example.com', roles: ['buyer'] });
  });

  it.each([
    ['expired', (i: TestTokenIssuer) => i.signExpired(), 'The access token has expired.'],
    ['alg none', (i: TestTokenIssuer) => Promise.resolve(i.forgeUnsigned({ roles: ['admin'] })), 'The access token algorithm is not accepted (only EdDSA is).'],
    ['HS256 with the public key', (i: TestTokenIssuer) => i.forgeHmacWithPublicKey({ roles: ['admin'] }), 'The access token algorithm is not accepted (only EdDSA is).'],
    ['tampered', (i: TestTokenIssuer) => i.forgeTamperedPayload(), 'The access token signature is invalid.'],
    ['unknown kid', (i: TestTokenIssuer) => i.forgeWithUnknownKey(), 'The access token was signed with an unknown key.'],
    ['wrong issuer', (i: TestTokenIssuer) => i.sign({ iss: 'elsewhere' }), 'The access token was issued by an unexpected issuer.'],
    ['wrong audience', (i: TestTokenIssuer) => i.sign({ aud: 'elsewhere' }), 'The access token is meant for another audience.'],
  ])('refuses a %s token with 401 saying why', async (_name, forge, message) => {
    const response = await get('/me', await forge(issuer));
    expectError(response, 401, 'unauthenticated');
    expect(response.json().error.message).toBe(message);
  });

  it('answers 403 when the caller holds none of the required roles (method and controller level)', async () => {
    const buyer = await issuer.sign({ roles: ['buyer'] });
    expectError(await get('/seller/orders', buyer), 403, 'forbidden');
    expectError(await get('/admin/applications', buyer), 403, 'forbidden');
    expect((await get('/seller/orders', await issuer.sign({ roles: ['buyer', 'seller'] }))).statusCode).toBe(200);
    expect((await get('/seller/orders', await issuer.sign({ roles: ['admin'] }))).statusCode).toBe(200);
    expect((await get('/admin/applications', await issuer.sign({ roles: ['admin'] }))).statusCode).toBe(200);
    expectError(await get('/admin/applications', await issuer.sign({ roles: ['seller'] })), 403, 'forbidden');
  });

  it('lets @Roles win over a public controller: the role is still required', async () => {
    expect((await get('/reviews')).statusCode).toBe(200);
    expectError(await get('/reviews/flagged'), 401, 'unauthenticated');
    expectError(await get('/reviews/flagged', await issuer.sign({ roles: ['buyer'] })), 403, 'forbidden');
    expect((await get('/reviews/flagged', await issuer.sign({ roles: ['admin'] }))).statusCode).toBe(200);
  });

  it('checks the token before the roles: a forged admin token is 401, not 200 or 403', async () => {
    expectError(await get('/admin/applications', issuer.forgeUnsigned({ roles: ['admin'] })), 401, 'unauthenticated');
  });

  it('answers 401, not a silent undefined, when a public route asks for the user', async () => {
    expectError(await get('/public-but-asks-for-user'), 401, 'unauthenticated');
  });

  it('still answers 404 for an unknown route', async () => {
    expectError(await get('/nowhere'), 404, 'not_found');
  });
});

describe('AuthModule while the key set is unreachable', () => {
  let issuer: TestTokenIssuer;
  let service: ServiceApp;

  beforeAll(async () => {
    issuer = await TestTokenIssuer.start();
    const config = parseConfig(baseConfigSchema, { SERVICE_NAME: 'shop', PORT: '0' });
    service = await createServiceApp(serviceModule(issuer, false), config, createLogger({ service: 'shop', level: 'silent' }));
  });

  afterAll(async () => {
    await service?.app.close();
    await issuer?.close();
  });

  it('answers 503 in the standard format, and verifies again once it is back', async () => {
    const headers = { authorization: `Bearer ${await issuer.sign()}` };
    issuer.jwks.mode = 'fail';
    const down = await service.app.inject({ method: 'GET', url: '/me', headers });
    expect(down.statusCode).toBe(503);
    expect(down.json().error.code).toBe('dependency_unavailable');
    issuer.jwks.mode = 'serve';
    expect((await service.app.inject({ method: 'GET', url: '/me', headers })).statusCode).toBe(200);
  });
});
