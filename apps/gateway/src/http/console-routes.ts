import fastifyStatic from '@fastify/static';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyAdapter } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { join } from 'node:path';

/** Where `npm run build` puts the console (esbuild's output, next to the gateway's compiled code in dist/apps/gateway). */
export const CONSOLE_DIRECTORY = join(__dirname, '..', '..', 'web');

/** The console's files besides its page; nothing else in the directory is served. */
const ASSETS = new Set(['app.js', 'styles.css']);

/**
 * The console runs only its own script and stylesheet (no inline code, no eval), and talks only to this
 * origin's API; it has no images, fonts, frames or plugins, and may not be framed.
 */
export const CONSOLE_CONTENT_SECURITY_POLICY = {
  useDefaults: false,
  directives: {
    defaultSrc: ["'none'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'"],
    connectSrc: ["'self'"],
    imgSrc: ["'self'"],
    formAction: ["'self'"],
    baseUri: ["'none'"],
    frameAncestors: ["'none'"],
  },
};

/** `/console` (and `/console/`): the operations and admin console's page, and its script and stylesheet. */
export function registerConsoleRoutes(fastify: FastifyInstance, directory: string = CONSOLE_DIRECTORY): void {
  // Read by the security headers' hook (http/security-headers.ts): helmet's options for these routes, over the API's.
  const config = { helmet: { contentSecurityPolicy: CONSOLE_CONTENT_SECURITY_POLICY } };
  // The files change with every build and have no hashed names: a browser revalidates them each time.
  const send = (reply: FastifyReply, file: string) => reply.header('cache-control', 'no-cache').sendFile(file);
  fastify.register(async (scope) => {
    await scope.register(fastifyStatic, { root: directory, serve: false, cacheControl: false });
    scope.get('/console', { config }, (_request, reply) => send(reply, 'index.html'));
    scope.get('/console/', { config }, (_request, reply) => send(reply, 'index.html'));
    scope.get<{ Params: { file: string } }>('/console/:file', { config }, (request, reply) => (ASSETS.has(request.params.file) ? send(reply, request.params.file) : reply.callNotFound()));
  });
}

/** Installs the console's routes on the app's server while Nest initialises. */
@Injectable()
export class ConsoleRoutes implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    registerConsoleRoutes((this.adapterHost.httpAdapter as FastifyAdapter).getInstance<FastifyInstance>());
  }
}
