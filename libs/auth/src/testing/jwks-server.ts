import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { JWK } from 'jose';

/** How the server answers: normally, with an HTTP error, or never (to test fetch timeouts). */
export type JwksServerMode = 'serve' | 'fail' | 'hang';

/** A real HTTP server on 127.0.0.1 (random port) serving a JWKS, counting the fetches it answers. */
export class JwksServer {
  mode: JwksServerMode = 'serve';
  keys: JWK[] = [];
  requests = 0;

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(path = '/auth/jwks.json'): Promise<JwksServer> {
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', resolve);
    });
    const { port } = server.address() as AddressInfo;
    const jwks = new JwksServer(server, `http://127.0.0.1:${port}${path}`);
    server.on('request', (request, response) => {
      jwks.requests += 1;
      if (jwks.mode === 'hang') return;
      if (jwks.mode === 'fail' || request.url !== path) {
        response.writeHead(jwks.mode === 'fail' ? 500 : 404).end();
        return;
      }
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: jwks.keys }));
    });
    return jwks;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
