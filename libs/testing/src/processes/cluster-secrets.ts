import { randomBytes } from 'node:crypto';

/** identity seals the links in its emails and notifications opens them: both must hold the same key. */
const DELIVERY_SEAL_HOLDERS: readonly string[] = ['identity', 'notifications'];

/** The secrets the services of a cluster share, as the variables they read. */
export interface ClusterSecrets {
  /** 32 random bytes, base64. */
  DELIVERY_SEAL_KEY: string;
  DELIVERY_SEAL_KEY_ID: string;
}

/**
 * Fresh secrets for one cluster. The key id is fresh too: a link sealed in one cluster and shown to
 * another is then refused by its key id, which says more than a failed decryption.
 */
export function newClusterSecrets(): ClusterSecrets {
  return { DELIVERY_SEAL_KEY: randomBytes(32).toString('base64'), DELIVERY_SEAL_KEY_ID: `test-${randomBytes(4).toString('hex')}` };
}

/** The variables `app` gets of the secrets: nothing unless it seals or opens links. */
export function clusterSecretsFor(app: string, secrets: ClusterSecrets): Record<string, string> {
  return DELIVERY_SEAL_HOLDERS.includes(app) ? { ...secrets } : {};
}
