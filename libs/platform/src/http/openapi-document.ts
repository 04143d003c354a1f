import type { INestApplication } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { cleanupOpenApiDoc } from 'nestjs-zod';

export const OPENAPI_PATH = '/openapi.json';
/** Name of the security scheme every route requires unless it is @Public(). */
export const BEARER_SCHEME = 'bearer';

/**
 * The service's OpenAPI 3 document, built from its controllers and the same zod DTOs that validate
 * its requests (nestjs-zod's cleanup turns their schemas into plain OpenAPI ones).
 */
export function buildOpenApiDocument(app: INestApplication, serviceName: string): OpenAPIObject {
  const info = new DocumentBuilder()
    .setTitle(serviceName)
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: "identity's EdDSA access token" }, BEARER_SCHEME)
    .addSecurityRequirements(BEARER_SCHEME)
    .build();
  return cleanupOpenApiDoc(SwaggerModule.createDocument(app, info));
}

/**
 * Serves the document at GET /openapi.json, outside Nest's router so that no guard stands in front
 * of it. An app that routes /openapi.json itself (the gateway serves the merged one) keeps its own.
 * The document is built on the first request, not at start: only the gateway's /docs asks for it, and
 * a service that is never asked does not hold it or the garbage of building it.
 */
export function serveOpenApiDocument(app: NestFastifyApplication, serviceName: string): void {
  const fastify = app.getHttpAdapter().getInstance();
  if (fastify.hasRoute({ method: 'GET', url: OPENAPI_PATH })) return;
  let document: OpenAPIObject | undefined;
  fastify.get(OPENAPI_PATH, (_request, reply) => {
    document ??= buildOpenApiDocument(app, serviceName);
    void reply.send(document);
  });
}
