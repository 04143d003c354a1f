import { isPublicRoute } from './public-routes';

describe('isPublicRoute', () => {
  it.each([
    ['POST', '/auth/register'],
    ['POST', '/auth/login'],
    ['POST', '/auth/refresh'],
    ['GET', '/auth/jwks.json'],
    ['POST', '/auth/verify-email'],
    ['POST', '/auth/password-reset/request'],
    ['POST', '/auth/password-reset/confirm'],
    ['POST', '/auth/mfa/verify'],
    ['POST', '/auth/mfa/enrolment'],
    ['POST', '/auth/mfa/enrolment/confirm'],
    ['GET', '/auth/oidc/providers'],
    ['POST', '/auth/oidc/google/start'],
    ['POST', '/auth/oidc/google/callback'],
    ['GET', '/categories'],
    ['GET', '/products'],
    ['GET', '/products/p-1/reviews'],
    ['GET', '/products/p-1/recommendations'],
    ['GET', '/search'],
    ['GET', '/images/products/p-1/i-1/w800.webp'],
    ['PUT', '/images/products/p-1/i-1/original'],
    ['POST', '/webhooks/stripe'],
    ['POST', '/webhooks/paynow'],
    ['POST', '/webhooks/mpesa/Zk3v9Qx2'],
  ])('%s %s is public', (method, path) => {
    expect(isPublicRoute(method, path)).toBe(true);
  });

  it.each([
    ['POST', '/auth/logout'],
    ['GET', '/me'],
    ['POST', '/categories'],
    ['POST', '/products'],
    ['PATCH', '/products/p-1'],
    ['POST', '/products/p-1/reviews'],
    ['PUT', '/products/p-1/inventory'],
    ['GET', '/cart'],
    ['GET', '/orders'],
    ['GET', '/admin/seller-applications'],
    ['GET', '/webhooks/stripe'],
    ['POST', '/webhooks/mpesa'],
    ['POST', '/webhooks/mpesa/a/b'],
    ['GET', '/seller/balance'],
    ['POST', '/orders/o-1/disputes'],
    ['GET', '/auth/login'],
    ['GET', '/auth/mfa/verify'],
    ['POST', '/me/mfa/totp'],
    ['GET', '/me/identities'],
    ['DELETE', '/me/identities/google'],
    ['GET', '/auth/oidc/google/callback'],
    ['POST', '/auth/oidc/google/other'],
    ['POST', '/auth/oidc/a/b/start'],
    ['POST', '/auth/password-reset/other'],
    ['GET', '/searchable'],
    ['POST', '/products/p-1/images'],
    ['DELETE', '/images/products/p-1/i-1/original'],
  ])('%s %s needs a token', (method, path) => {
    expect(isPublicRoute(method, path)).toBe(false);
  });
});
