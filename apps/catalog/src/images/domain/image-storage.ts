/**
 * Where image bytes live: S3-compatible storage, or local files in embedded mode. Keys are relative
 * paths such as `products/<productId>/<imageId>/original`.
 */
export interface ImageStorage {
  /**
   * A URL the client PUTs exactly `contentLength` bytes to, valid for `expiresInSeconds`: the length is
   * part of the signature, so the store refuses a body of any other size.
   */
  uploadUrl(key: string, expiresInSeconds: number, contentLength: number): Promise<string>;
  /** The object's size in bytes, or undefined when nothing was uploaded. */
  size(key: string): Promise<number | undefined>;
  read(key: string): Promise<Buffer>;
  write(key: string, bytes: Buffer, contentType: string): Promise<void>;
  /** Deletes the objects; a missing one is not an error. */
  delete(keys: string[]): Promise<void>;
}

export const IMAGE_STORAGE = Symbol('IMAGE_STORAGE');

/** Decodes and resizes images (sharp); kept behind a port so the domain imports no native module. */
export interface ImageCodec {
  /** Width and height, or undefined when the bytes do not decode. */
  dimensions(bytes: Buffer): Promise<{ width: number; height: number } | undefined>;
  /** A WebP at most `width` pixels wide (never enlarged). */
  thumbnail(bytes: Buffer, width: number): Promise<Buffer>;
}

export const IMAGE_CODEC = Symbol('IMAGE_CODEC');
