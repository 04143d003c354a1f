// The secrets identity and notifications need in production, made once for a docker compose stack:
// identity's Ed25519 signing key (JWT_PRIVATE_KEYS) and the key both seal and open delivery links with
// (DELIVERY_SEAL_KEY), in a shell file the two services source at start; and the key identity encrypts
// TOTP secrets with (MFA_ENCRYPTION_KEY), in a file of identity's own; and catalog's key to the images'
// S3 store (S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY), which SeaweedFS takes as its admin key. Kept in the
// `secrets` volume, so a restart keeps the same keys (tokens and links already issued stay valid, enrolled
// authenticators work, the stored images stay reachable).
const { generateKeyPairSync, randomBytes } = require('node:crypto');
const { chownSync, existsSync, writeFileSync } = require('node:fs');

const NODE_USER = 1000; // the image's `node` user, which the services run as

function writeOnce(file, lines) {
  if (existsSync(file)) {
    console.log(`${file} exists: keeping its keys`);
    return;
  }
  writeFileSync(file, `${lines().join('\n')}\n`, { mode: 0o600 });
  chownSync(file, NODE_USER, NODE_USER);
  console.log(`${file} written`);
}

writeOnce('/secrets/service.env', () => {
  const jwk = { ...generateKeyPairSync('ed25519').privateKey.export({ format: 'jwk' }), kid: `compose-${Date.now()}` };
  return [`export JWT_PRIVATE_KEYS=${JSON.stringify(JSON.stringify([jwk]))}`, `export DELIVERY_SEAL_KEY=${randomBytes(32).toString('base64')}`];
});
writeOnce('/secrets/identity.env', () => [`export MFA_ENCRYPTION_KEY=${randomBytes(32).toString('base64')}`]);
writeOnce('/secrets/catalog.env', () => [`export S3_ACCESS_KEY_ID=catalog-${randomBytes(8).toString('hex')}`, `export S3_SECRET_ACCESS_KEY=${randomBytes(30).toString('base64url')}`]);
