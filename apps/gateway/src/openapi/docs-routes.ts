import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { FastifyInstance } from 'fastify';

/** Swagger UI's assets, shipped by swagger-ui-dist (which @nestjs/swagger depends on). */
const ASSETS: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'application/javascript; charset=utf-8',
  'favicon-32x32.png': 'image/png',
};

const PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Marketplace API</title>
  <link rel="stylesheet" href="/docs/swagger-ui.css">
  <link rel="icon" type="image/png" href="/docs/favicon-32x32.png">
</head>
<body>
  <div id="swagger-ui"></div>
  <script src="/docs/swagger-ui-bundle.js"></script>
  <script src="/docs/init.js"></script>
</body>
</html>
`;

/** Kept out of the page so that the page needs no inline script. */
const INIT = `window.ui = SwaggerUIBundle({ url: '/openapi.json', dom_id: '#swagger-ui', deepLinking: true, persistAuthorization: true });\n`;

/** Swagger UI needs its own scripts, inline styles and data: images; the rest of the API allows nothing. */
const DOCS_CONTENT_SECURITY_POLICY = {
  useDefaults: false,
  directives: {
    defaultSrc: ["'none'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:'],
    connectSrc: ["'self'"],
    frameAncestors: ["'none'"],
  },
};

/** `/docs`: interactive Swagger UI over the merged `/openapi.json`. */
export function registerDocsRoutes(fastify: FastifyInstance): void {
  const root = dirname(require.resolve('swagger-ui-dist/package.json'));
  const assets = new Map(Object.entries(ASSETS).map(([file, type]) => [file, { type, content: readFileSync(join(root, file)) }]));
  assets.set('init.js', { type: 'application/javascript; charset=utf-8', content: Buffer.from(INIT) });
  // Read by the security headers' hook (http/security-headers.ts): helmet's options for these routes, over the API's.
  const config = { helmet: { contentSecurityPolicy: DOCS_CONTENT_SECURITY_POLICY } };

  fastify.get('/docs', { config }, (_request, reply) => reply.type('text/html; charset=utf-8').send(PAGE));
  fastify.get<{ Params: { file: string } }>('/docs/:file', { config }, (request, reply) => {
    const asset = assets.get(request.params.file);
    if (!asset) return reply.callNotFound();
    return reply.type(asset.type).header('cache-control', 'public, max-age=3600').send(asset.content);
  });
}
