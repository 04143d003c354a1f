import { clusterSecretsFor, newClusterSecrets } from './cluster-secrets';

describe('cluster secrets', () => {
  it('are a fresh 32-byte delivery key and key id per cluster', () => {
    const [one, other] = [newClusterSecrets(), newClusterSecrets()];
    expect(Buffer.from(one.DELIVERY_SEAL_KEY, 'base64')).toHaveLength(32);
    expect(one.DELIVERY_SEAL_KEY_ID).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
    expect(other.DELIVERY_SEAL_KEY).not.toBe(one.DELIVERY_SEAL_KEY);
    expect(other.DELIVERY_SEAL_KEY_ID).not.toBe(one.DELIVERY_SEAL_KEY_ID);
  });

  it('go to identity and notifications only', () => {
    const secrets = newClusterSecrets();
    expect(clusterSecretsFor('identity', secrets)).toEqual(secrets);
    expect(clusterSecretsFor('notifications', secrets)).toEqual(secrets);
    for (const app of ['gateway', 'catalog', 'orders', 'payments', 'search']) expect({ app, env: clusterSecretsFor(app, secrets) }).toEqual({ app, env: {} });
  });
});
