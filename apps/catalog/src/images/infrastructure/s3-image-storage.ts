import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, NotFound, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { ImageStorageUnavailableError } from '../domain/image-errors';
import type { ImageStorage } from '../domain/image-storage';

export interface S3Options {
  bucket: string;
  endpoint?: string;
  /** The endpoint upload URLs are signed for, when clients reach the store elsewhere than `endpoint`. */
  publicEndpoint?: string;
  region: string;
  forcePathStyle: boolean;
  credentials?: { accessKeyId: string; secretAccessKey: string };
}

/**
 * Images in an S3-compatible bucket (AWS S3, SeaweedFS, MinIO); clients upload with pre-signed PUT URLs,
 * each for the size the client declared.
 * A store that does not answer is a 503 on the request path, not a 500.
 */
export class S3ImageStorage implements ImageStorage {
  private readonly client: S3Client;
  /** Signs upload URLs only (no request goes through it): the same bucket, as clients reach it. */
  private readonly signer: S3Client;

  constructor(private readonly options: S3Options) {
    const client = (endpoint: string | undefined) =>
      new S3Client({
        endpoint,
        region: options.region,
        forcePathStyle: options.forcePathStyle,
        credentials: options.credentials,
        // Otherwise a pre-signed PUT carries the checksum of an empty body, and the client's bytes never match it.
        requestChecksumCalculation: 'WHEN_REQUIRED',
      });
    this.client = client(options.endpoint);
    this.signer = options.publicEndpoint ? client(options.publicEndpoint) : this.client;
  }

  uploadUrl(key: string, expiresInSeconds: number, contentLength: number): Promise<string> {
    // Content-Length signed: S3 (and SeaweedFS) answer 403 SignatureDoesNotMatch to a body of another size.
    return getSignedUrl(this.signer, new PutObjectCommand({ Bucket: this.options.bucket, Key: key, ContentLength: contentLength }), {
      expiresIn: expiresInSeconds,
      signableHeaders: new Set(['content-length']),
    });
  }

  async size(key: string): Promise<number | undefined> {
    try {
      return (await this.client.send(new HeadObjectCommand({ Bucket: this.options.bucket, Key: key }))).ContentLength ?? 0;
    } catch (error) {
      const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
      if (error instanceof NotFound || status === 404) return undefined;
      // No HTTP status: the store did not answer (refused, reset, timed out); a 5xx: it answered that it cannot.
      if (status === undefined || status >= 500) throw new ImageStorageUnavailableError(error);
      throw error;
    }
  }

  async read(key: string): Promise<Buffer> {
    const object = await this.client.send(new GetObjectCommand({ Bucket: this.options.bucket, Key: key }));
    if (!object.Body) throw new Error(`S3 returned no body for ${key}`);
    return Buffer.from(await object.Body.transformToByteArray());
  }

  async write(key: string, bytes: Buffer, contentType: string): Promise<void> {
    await this.client.send(new PutObjectCommand({ Bucket: this.options.bucket, Key: key, Body: bytes, ContentType: contentType, CacheControl: 'public, max-age=31536000, immutable' }));
  }

  async delete(keys: string[]): Promise<void> {
    await Promise.all(keys.map((key) => this.client.send(new DeleteObjectCommand({ Bucket: this.options.bucket, Key: key }))));
  }
}
