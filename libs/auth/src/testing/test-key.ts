import { generateKeyPairSync, type KeyObject, randomUUID } from 'node:crypto';
import { exportJWK, type JWK } from 'jose';

/** An Ed25519 signing key as identity holds one: a private key and its public JWK with a `kid`. */
export interface TestKey {
  kid: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
  publicJwk: JWK;
}

export async function generateTestKey(kid: string = randomUUID()): Promise<TestKey> {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: 'EdDSA', use: 'sig' };
  return { kid, privateKey, publicKey, publicJwk };
}
