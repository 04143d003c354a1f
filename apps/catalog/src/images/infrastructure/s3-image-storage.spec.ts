import { createServer } from 'node:net';
import { ImageStorageUnavailableError } from '../domain/image-errors';
import { S3ImageStorage } from './s3-image-storage';

/** A localhost port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const credentials = { accessKeyId: 'key', secretAccessKey: 'secret' };

describe('S3ImageStorage', () => {
  it('signs upload URLs, with their content length, for the public endpoint when one is set, else for the endpoint', async () => {
    const base = { bucket: 'images', region: 'us-east-1', forcePathStyle: true, credentials, endpoint: 'http://seaweedfs:8333' };
    const internal = new URL(await new S3ImageStorage(base).uploadUrl('products/p/i/original', 60, 1234));
    const published = new URL(await new S3ImageStorage({ ...base, publicEndpoint: 'https://images.example.com' }).uploadUrl('products/p/i/original', 60, 1234));
    expect([internal.origin, internal.pathname]).toEqual(['http://seaweedfs:8333', '/images/products/p/i/original']);
    expect([published.origin, published.pathname]).toEqual(['https://images.example.com', '/images/products/p/i/original']);
    expect(published.searchParams.get('X-Amz-Expires')).toBe('60');
    // The declared size is signed: the store takes no body of another length.
    expect(published.searchParams.get('X-Amz-SignedHeaders')).toBe('content-length;host');
  });

  it('reports a store that does not answer as unavailable (a 503), not as an unknown failure', async () => {
    const storage = new S3ImageStorage({ bucket: 'images', region: 'us-east-1', forcePathStyle: true, credentials, endpoint: `http://127.0.0.1:${await closedPort()}` });
    const failure = await storage.size('products/p/i/original').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ImageStorageUnavailableError);
    expect((failure as ImageStorageUnavailableError).code).toBe('image_storage_unavailable');
  });
});
