// The secrets identity and notifications need in production, made once for a docker compose stack:
// identity's Ed25519 signing key (JWT_PRIVATE_KEYS) and the key both seal and open delivery links with
// (DELIVERY_SEAL_KEY). Written as a shell file the two services source at start; kept in the `secrets`
// volume, so a restart keeps the same keys (tokens and links already issued stay valid).
const { generateKeyPairSync, randomBytes } = require('node:crypto');
const { chownSync, existsSync, writeFileSync } = require('node:fs');

const FILE = '/secrets/service.env';
const NODE_USER = 1000; // the image's `node` user, which the services run as

if (existsSync(FILE)) {
  console.log(`${FILE} exists: keeping its keys`);
} else {
  const jwk = { ...generateKeyPairSync('ed25519').privateKey.export({ format: 'jwk' }), kid: `compose-${Date.now()}` };
  const lines = [
    `export JWT_PRIVATE_KEYS=${JSON.stringify(JSON.stringify([jwk]))}`,
    `export DELIVERY_SEAL_KEY=${randomBytes(32).toString('base64')}`,
  ];
  writeFileSync(FILE, `${lines.join('\n')}\n`, { mode: 0o600 });
  chownSync(FILE, NODE_USER, NODE_USER);
  console.log(`${FILE} written`);
}
