import { booleanVar, optional, positiveIntVar, SERVICE_PORTS, urlVar } from '@marketplace/platform';
import { z } from 'zod';

/**
 * Product images: S3-compatible storage when S3_BUCKET is set, else local files (embedded mode), which
 * catalog serves and accepts uploads for under /images, reached through the gateway's /api/v1/images.
 */
export const imagesConfigShape = {
  S3_BUCKET: optional(z.string().min(3).max(63)),
  S3_ENDPOINT: optional(urlVar),
  /** Where clients reach the store, when not at S3_ENDPOINT (a compose network name): upload URLs are signed for it. */
  S3_PUBLIC_ENDPOINT: optional(urlVar),
  S3_REGION: z.string().min(1).default('us-east-1'),
  S3_ACCESS_KEY_ID: optional(z.string().min(1)),
  S3_SECRET_ACCESS_KEY: optional(z.string().min(1)),
  /** Path-style URLs (`<endpoint>/<bucket>/<key>`), as SeaweedFS and MinIO serve them. */
  S3_FORCE_PATH_STYLE: booleanVar.default(true),
  /** Where image URLs point: the bucket's public URL, or the gateway's /api/v1/images for local files. */
  IMAGE_PUBLIC_BASE_URL: optional(urlVar),
  IMAGE_LOCAL_DIR: z.string().min(1).default('.data/images'),
  /** Signs local upload URLs; a random one per process when unset (upload URLs are short-lived anyway). */
  IMAGE_UPLOAD_SECRET: optional(z.string().min(32)),
  IMAGE_UPLOAD_TTL_SECONDS: positiveIntVar.default(600),
  IMAGE_MAX_BYTES: positiveIntVar.default(10 * 1024 * 1024),
  IMAGE_MAX_PIXELS: positiveIntVar.default(40_000_000),
  IMAGE_PROCESS_INTERVAL_MS: positiveIntVar.default(1000),
};

export type ImagesConfig = z.output<z.ZodObject<typeof imagesConfigShape>>;

/** The base every public image URL starts with, without a trailing slash. */
export function imagePublicBaseUrl(config: ImagesConfig): string {
  const fallback = config.S3_BUCKET !== undefined ? `${config.S3_ENDPOINT ?? `https://s3.${config.S3_REGION}.amazonaws.com`}/${config.S3_BUCKET}` : `http://localhost:${SERVICE_PORTS.gateway}/api/v1/images`;
  return (config.IMAGE_PUBLIC_BASE_URL ?? fallback).replace(/\/+$/, '');
}
