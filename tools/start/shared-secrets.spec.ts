import { mkdtemp, readFile, rm, stat, writeFile, chmod } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSharedSecrets, secretsFor } from './shared-secrets';

describe('npm start shared secrets', () => {
  let dataDir: string;

  beforeEach(async () => {
    dataDir = join(await mkdtemp(join(tmpdir(), 'start-secrets-')), '.data');
  });

  afterEach(async () => {
    await rm(join(dataDir, '..'), { recursive: true, force: true });
  });

  it('generates the delivery key once into secrets.json, readable by its owner only, and keeps it', async () => {
    const first = await loadSharedSecrets(dataDir, {});
    expect(first.generated).toEqual(['DELIVERY_SEAL_KEY', 'DELIVERY_SEAL_KEY_ID']);
    expect(Buffer.from(first.values.DELIVERY_SEAL_KEY, 'base64')).toHaveLength(32);
    expect(first.values.DELIVERY_SEAL_KEY_ID).toBe('delivery-1');
    expect((await stat(first.path)).mode & 0o777).toBe(0o600);
    expect(JSON.parse(await readFile(first.path, 'utf8'))).toEqual(first.values);

    const again = await loadSharedSecrets(dataDir, {});
    expect(again).toEqual({ ...first, generated: [] });
  });

  it('gives the secrets to identity and notifications only', async () => {
    const secrets = await loadSharedSecrets(dataDir, {});
    expect(secretsFor('identity', secrets)).toEqual(secrets.values);
    expect(secretsFor('notifications', secrets)).toEqual(secrets.values);
    expect(secretsFor('catalog', secrets)).toEqual({});
    expect(secretsFor('gateway', secrets)).toEqual({});
  });

  it('neither generates nor stores what the environment sets', async () => {
    const secrets = await loadSharedSecrets(dataDir, { DELIVERY_SEAL_KEY: 'set in the environment' });
    expect(secrets.generated).toEqual(['DELIVERY_SEAL_KEY_ID']);
    expect(JSON.parse(await readFile(secrets.path, 'utf8'))).toEqual({ DELIVERY_SEAL_KEY_ID: 'delivery-1' });
    const everything = await loadSharedSecrets(join(dataDir, 'other'), { DELIVERY_SEAL_KEY: 'k', DELIVERY_SEAL_KEY_ID: 'id' });
    expect(everything).toEqual({ path: join(dataDir, 'other', 'secrets.json'), values: {}, generated: [] });
    await expect(stat(everything.path)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('tightens a copied file to 0600, and names a broken one instead of replacing it', async () => {
    const { path } = await loadSharedSecrets(dataDir, {});
    await chmod(path, 0o644);
    await loadSharedSecrets(dataDir, {});
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    await writeFile(path, '{"DELIVERY_SEAL_KEY": ');
    await expect(loadSharedSecrets(dataDir, {})).rejects.toThrow(`${path} must be a JSON object of strings`);
    await writeFile(path, '["a"]');
    await expect(loadSharedSecrets(dataDir, {})).rejects.toThrow('must be a JSON object of strings');
  });
});
