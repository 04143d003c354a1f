import sharp from 'sharp';
import type { ImageCodec } from '../domain/image-storage';

/** sharp (libvips). `limitInputPixels: false` because the pixel limit is checked by the domain from the header. */
export class SharpImageCodec implements ImageCodec {
  async dimensions(bytes: Buffer): Promise<{ width: number; height: number } | undefined> {
    const metadata = await sharp(bytes, { limitInputPixels: false }).metadata().catch(() => undefined);
    return metadata?.width && metadata.height ? { width: metadata.width, height: metadata.height } : undefined;
  }

  thumbnail(bytes: Buffer, width: number): Promise<Buffer> {
    // rotate() applies the EXIF orientation; metadata is not copied, so camera GPS data never leaves.
    return sharp(bytes, { limitInputPixels: false }).rotate().resize({ width, withoutEnlargement: true }).webp({ quality: 80 }).toBuffer();
  }
}
