import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { randomBytes } from 'node:crypto';
import type { S3Infrastructure } from './infrastructure';

/** A path-style client of the store, as SeaweedFS and MinIO serve it. */
export function s3Client(infra: S3Infrastructure): S3Client {
  return new S3Client({ endpoint: infra.endpoint, region: infra.region, forcePathStyle: true, credentials: infra });
}

/**
 * A new bucket named `<prefix>-<random>`, so runs never see each other's objects, and the S3_* settings
 * a service uses to reach it.
 */
export async function createS3Bucket(infra: S3Infrastructure, prefix: string): Promise<Record<string, string>> {
  const bucket = `${prefix}-${randomBytes(4).toString('hex')}`;
  const client = s3Client(infra);
  try {
    await client.send(new CreateBucketCommand({ Bucket: bucket }));
  } finally {
    client.destroy();
  }
  return { S3_ENDPOINT: infra.endpoint, S3_BUCKET: bucket, S3_REGION: infra.region, S3_ACCESS_KEY_ID: infra.accessKeyId, S3_SECRET_ACCESS_KEY: infra.secretAccessKey };
}
