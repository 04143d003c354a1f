import type { ImageLimits } from '../domain/image-checks';

/** What the images' services need of the config, resolved once (see images-config.ts). */
export interface ImageSettings {
  limits: ImageLimits;
  uploadTtlSeconds: number;
  processIntervalMs: number;
  /** The public URL of a stored key. */
  publicUrl(key: string): string;
}

export const IMAGE_SETTINGS = Symbol('IMAGE_SETTINGS');
