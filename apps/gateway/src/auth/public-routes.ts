/**
 * Routes anyone may call without an access token (service-local paths). Everything else needs a valid
 * token at the edge. A token sent to a public route is not checked here: a client refreshing with an
 * expired access token still attached must reach `auth/refresh`, and the service itself decides what
 * a token on its public route means.
 */
const PUBLIC_ROUTES: ReadonlyArray<readonly [methods: readonly string[], path: RegExp]> = [
  [['POST'], /^\/auth\/(register|login|refresh)$/],
  // The second login step and password-based TOTP enrolment: a challenge or the password is the proof.
  [['POST'], /^\/auth\/mfa\/(verify|enrolment|enrolment\/confirm)$/],
  // Sign-in through an OpenID Connect provider: the list, the redirect, and the provider's answer (state and code are the proof).
  [['GET', 'HEAD'], /^\/auth\/oidc\/providers$/],
  [['POST'], /^\/auth\/oidc\/[^/]+\/(start|callback)$/],
  [['GET', 'HEAD'], /^\/auth\/jwks\.json$/],
  [['GET', 'POST'], /^\/auth\/verify-email$/],
  [['POST'], /^\/auth\/password-reset\/(request|confirm)$/],
  [['GET', 'HEAD'], /^\/(categories|products)(\/[^/]+)*$/],
  [['GET', 'HEAD'], /^\/search$/],
  // Catalog's local image files (embedded mode); an upload (PUT) carries its own signed, short-lived proof.
  [['GET', 'HEAD', 'PUT'], /^\/images\/products\/[^/]+\/[^/]+\/[^/]+$/],
  // Providers call these; each checks its own proof (Stripe's signature, PayNow's hash, the M-Pesa path token).
  [['POST'], /^\/webhooks\/(stripe|paynow|mpesa\/[^/]+)$/],
];

export function isPublicRoute(method: string, path: string): boolean {
  return PUBLIC_ROUTES.some(([methods, pattern]) => methods.includes(method) && pattern.test(path));
}
