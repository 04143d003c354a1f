import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { type BackendCase, s3Backend } from '@marketplace/testing';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';

/** How a test reaches one image storage: the catalog's settings, and how a client uploads and fetches. */
export interface ImageBackend {
  name: 'local-files' | 'seaweedfs';
  /** The catalog's environment for this storage. */
  env(): Promise<Record<string, string>>;
}

const LOCAL_BASE = 'http://gateway.test/api/v1/images';

/** Local files (embedded mode) always; SeaweedFS's S3 API when one is reachable, skipped by name otherwise. */
export function imageBackends(): BackendCase<ImageBackend>[] {
  const s3 = s3Backend();
  return [
    {
      name: 'local-files',
      resolve: () => ({ name: 'local-files', env: async () => ({ IMAGE_LOCAL_DIR: mkdtempSync(join(tmpdir(), 'catalog-images-')), IMAGE_PUBLIC_BASE_URL: LOCAL_BASE }) }),
    },
    {
      name: s3.name,
      resolve: () => {
        const infra = s3.resolve();
        if ('skip' in infra) return infra;
        return {
          name: 'seaweedfs',
          // A bucket of its own per run, so runs never see each other's objects.
          env: async () => {
            const bucket = `catalog-test-${randomBytes(4).toString('hex')}`;
            const client = new S3Client({ endpoint: infra.endpoint, region: infra.region, forcePathStyle: true, credentials: infra });
            await client.send(new CreateBucketCommand({ Bucket: bucket }));
            client.destroy();
            return { S3_ENDPOINT: infra.endpoint, S3_BUCKET: bucket, S3_REGION: infra.region, S3_ACCESS_KEY_ID: infra.accessKeyId, S3_SECRET_ACCESS_KEY: infra.secretAccessKey };
          },
        };
      },
    },
  ];
}

/** The catalog-local path (`/images/...`) of a local-files URL, which the gateway would forward. */
export function catalogPathOf(url: string): string {
  const parsed = new URL(url);
  return parsed.pathname.replace(/^\/api\/v1/, '') + parsed.search;
}
