import { exportJWK, generateKeyPair, importJWK, type JWK, type KeyLike } from 'jose';
import type { Knex } from 'knex';
import { randomUUID } from 'node:crypto';
import { generatedKey } from './generated-keys';

interface PrivateJwk extends JWK {
  kid: string;
}

/** The key that signs access tokens, and the public JWKS (the signing key first, then the previous one during a rotation). */
export interface SigningKeys {
  kid: string;
  privateKey: KeyLike | Uint8Array;
  jwks: { keys: JWK[] };
}

/** From JWT_PRIVATE_KEYS when set (newest first); otherwise one Ed25519 pair generated once and kept in the schema. */
export async function loadSigningKeys(configured: PrivateJwk[] | undefined, db: Knex): Promise<SigningKeys> {
  const privateJwks = configured ?? [await generatedKey(db, 'jwt_signing_key', generateSigningJwk)];
  const [signing] = privateJwks;
  return {
    kid: signing.kid,
    privateKey: await importJWK({ ...signing, alg: 'EdDSA' }, 'EdDSA'),
    jwks: { keys: privateJwks.map(publicJwk) },
  };
}

async function generateSigningJwk(): Promise<PrivateJwk> {
  const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
  return { ...(await exportJWK(privateKey)), kid: randomUUID() };
}

/** Only the public members: never `d`. */
function publicJwk(jwk: PrivateJwk): JWK {
  return { kty: jwk.kty, crv: jwk.crv, x: jwk.x, kid: jwk.kid, alg: 'EdDSA', use: 'sig' };
}
