import { parseConfig } from '@marketplace/platform';
import { identityConfigSchema } from './identity-config';

const base = { SERVICE_NAME: 'identity', PORT: '0', DATABASE_URL: 'postgres://localhost/test' };
const google = { id: 'google', issuer: 'https://accounts.google.com', clientId: 'client', clientSecret: 'secret' };
const parse = (env: Record<string, string>) => parseConfig(identityConfigSchema, { ...base, ...env });

describe('OIDC configuration', () => {
  it('has no providers and no redirect URIs by default', () => {
    expect(parse({})).toMatchObject({ OIDC_PROVIDERS: [], OIDC_REDIRECT_URIS: [] });
  });

  it('reads providers from JSON, the name defaulting to the id, and a list of redirect URIs', () => {
    const config = parse({ OIDC_PROVIDERS: JSON.stringify([google, { ...google, id: 'corp', name: 'Corp SSO' }]), OIDC_REDIRECT_URIS: 'https://app.example/cb, http://localhost:3000/cb' });
    expect(config.OIDC_PROVIDERS.map(({ id, name }) => ({ id, name }))).toEqual([{ id: 'google', name: 'google' }, { id: 'corp', name: 'Corp SSO' }]);
    expect(config.OIDC_REDIRECT_URIS).toEqual(['https://app.example/cb', 'http://localhost:3000/cb']);
  });

  it.each([
    ['not JSON', 'google'],
    ['a provider without a secret', JSON.stringify([{ ...google, clientSecret: undefined }])],
    ['two providers with one id', JSON.stringify([google, google])],
    ['an http issuer off this machine', JSON.stringify([{ ...google, issuer: 'http://accounts.google.com' }])],
    ['an id with capitals', JSON.stringify([{ ...google, id: 'Google' }])],
  ])('refuses %s', (_, providers) => {
    expect(() => parse({ OIDC_PROVIDERS: providers })).toThrow(/OIDC_PROVIDERS/);
  });

  it('accepts an http issuer on localhost (development and tests)', () => {
    expect(parse({ OIDC_PROVIDERS: JSON.stringify([{ ...google, issuer: 'http://localhost:4000' }]) }).OIDC_PROVIDERS[0].issuer).toBe('http://localhost:4000');
  });

  it('refuses a redirect URI that is not an http(s) URL', () => {
    expect(() => parse({ OIDC_REDIRECT_URIS: 'javascript:alert(1)' })).toThrow(/OIDC_REDIRECT_URIS/);
  });
});
