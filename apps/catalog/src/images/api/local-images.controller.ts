import { Public } from '@marketplace/auth';
import { ForbiddenError, NotFoundError, ValidationError } from '@marketplace/platform';
import { Controller, Get, HttpCode, Inject, Put, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sniffFormat } from '../domain/image-checks';
import { IMAGE_STORAGE, type ImageStorage } from '../domain/image-storage';
import { isImageKey, LocalImageStorage } from '../infrastructure/local-image-storage';
import { UploadSignatureDto } from './images.dto';

/**
 * Embedded mode's stand-in for the bucket: serves the stored files and takes the uploads that a signed
 * URL allows. With S3 storage there is nothing here (404).
 */
@Controller('images')
export class LocalImagesController {
  constructor(@Inject(IMAGE_STORAGE) private readonly storage: ImageStorage) {}

  @Public()
  @Get('*')
  async serve(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    const key = this.keyOf(request);
    const bytes = await this.local().read(key).catch(() => undefined);
    if (!bytes) throw new NotFoundError('No such image.');
    const format = key.endsWith('.webp') ? 'webp' : sniffFormat(bytes);
    // An original that is not (yet) a known image is served as bytes, never as something a browser would run.
    void reply.header('content-type', format ? `image/${format}` : 'application/octet-stream').header('cache-control', 'public, max-age=31536000, immutable');
    return bytes;
  }

  @Public()
  @Put('*')
  @HttpCode(204)
  async upload(@Req() request: FastifyRequest, @Query() query: UploadSignatureDto): Promise<void> {
    const key = this.keyOf(request);
    const local = this.local();
    if (!local.mayUpload(key, query)) throw new ForbiddenError('The upload URL is invalid or has expired.', { code: 'upload_url_invalid' });
    if (!Buffer.isBuffer(request.body)) throw new ValidationError('Send the image bytes with Content-Type image/jpeg, image/png, image/webp or application/octet-stream.');
    // As S3 refuses a body whose length is not the signed one.
    if (request.body.length !== query.length) throw new ForbiddenError(`The upload URL takes exactly ${query.length} bytes.`, { code: 'upload_url_invalid' });
    await local.write(key, request.body);
  }

  private local(): LocalImageStorage {
    if (!(this.storage instanceof LocalImageStorage)) throw new NotFoundError('Images are not served here.');
    return this.storage;
  }

  private keyOf(request: FastifyRequest): string {
    const path = request.url.split('?')[0].replace(/^\/images\//, '');
    // Keys are plain ASCII: anything percent-encoded is no key of ours.
    if (!isImageKey(path)) throw new NotFoundError('No such image.');
    return path;
  }
}
