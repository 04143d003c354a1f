import { type BackendCase, createS3Bucket, s3Backend } from '@marketplace/testing';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

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
          env: () => createS3Bucket(infra, 'catalog-test'),
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
