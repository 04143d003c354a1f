import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { IMAGE_SETTINGS, type ImageSettings } from '../application/image-settings';

/** What a client may send as a local upload's Content-Type; the bytes are judged later, never by this. */
export const UPLOAD_CONTENT_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/octet-stream'];

/**
 * Teaches the HTTP server raw image bodies (local uploads, embedded mode), read as bytes up to the image
 * size limit: Fastify answers 413 beyond, before the handler. Registered while the application
 * initialises, before the server takes parsers no more.
 */
@Injectable()
export class ImageBodyParser implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @Inject(IMAGE_SETTINGS) private readonly settings: ImageSettings,
  ) {}

  onModuleInit(): void {
    const server = (this.adapterHost.httpAdapter as unknown as ReturnType<NestFastifyApplication['getHttpAdapter']>).getInstance();
    if (server.hasContentTypeParser(UPLOAD_CONTENT_TYPES[0])) return;
    server.addContentTypeParser(UPLOAD_CONTENT_TYPES, { parseAs: 'buffer', bodyLimit: this.settings.limits.maxBytes }, (_request, body, done) => done(null, body));
  }
}
