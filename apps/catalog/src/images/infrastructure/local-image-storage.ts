import type { Clock } from '@marketplace/kernel';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { ImageStorage } from '../domain/image-storage';

/** The only keys there are (see product-image.ts); anything else, `..` included, names no file. */
const KEY = /^products\/[0-9a-f-]{36}\/[0-9a-f-]{36}\/(original|w\d+\.webp)$/;

export function isImageKey(key: string): boolean {
  return KEY.test(key);
}

/**
 * Images as files under one directory, for embedded mode. The upload URL is catalog's own
 * `PUT /images/<key>?expires=&length=&signature=` (reached through the gateway), signed with an HMAC so
 * that it needs no access token, lapses like a pre-signed S3 URL and takes only the declared length.
 */
export class LocalImageStorage implements ImageStorage {
  private readonly root: string;

  constructor(
    root: string,
    private readonly publicBaseUrl: string,
    private readonly secret: string,
    private readonly clock: Clock,
  ) {
    this.root = resolve(root);
  }

  async uploadUrl(key: string, expiresInSeconds: number, contentLength: number): Promise<string> {
    const expires = Math.floor(this.clock.now().getTime() / 1000) + expiresInSeconds;
    return `${this.publicBaseUrl}/${key}?expires=${expires}&length=${contentLength}&signature=${this.sign(key, expires, contentLength)}`;
  }

  /** True when the signature is ours for this key and length and has not lapsed. */
  mayUpload(key: string, upload: { expires: number; length: number; signature: string }): boolean {
    if (!isImageKey(key) || !key.endsWith('/original') || upload.expires * 1000 < this.clock.now().getTime()) return false;
    const expected = Buffer.from(this.sign(key, upload.expires, upload.length));
    const given = Buffer.from(upload.signature);
    return expected.length === given.length && timingSafeEqual(expected, given);
  }

  async size(key: string): Promise<number | undefined> {
    return (await stat(this.path(key)).catch(() => undefined))?.size;
  }

  read(key: string): Promise<Buffer> {
    return readFile(this.path(key));
  }

  async write(key: string, bytes: Buffer): Promise<void> {
    const path = this.path(key);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, bytes);
  }

  async delete(keys: string[]): Promise<void> {
    await Promise.all(keys.map((key) => rm(this.path(key), { force: true })));
  }

  private path(key: string): string {
    if (!isImageKey(key)) throw new RangeError(`not an image key: ${key}`);
    return join(this.root, key);
  }

  private sign(key: string, expires: number, length: number): string {
    return createHmac('sha256', this.secret).update(`${key}\n${expires}\n${length}`).digest('base64url');
  }
}
