import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export type UpstreamHandler = (request: ReceivedRequest, response: ServerResponse) => void;

/** Answers with what it received, as JSON. */
export const echo: UpstreamHandler = (request, response) => {
  response.writeHead(200, { 'content-type': 'application/json', 'x-upstream': 'yes' });
  response.end(JSON.stringify({ method: request.method, url: request.url, body: request.body.toString('utf8') }));
};

/** A real HTTP service on 127.0.0.1 standing in for one behind the gateway; it records what it receives. */
export class UpstreamServer {
  readonly received: ReceivedRequest[] = [];
  handler: UpstreamHandler = echo;

  private constructor(
    /** Open for tests that also answer upgrades (see WebSocketUpstream). */
    readonly server: Server,
    readonly url: string,
  ) {}

  static async start(): Promise<UpstreamServer> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const upstream = new UpstreamServer(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    server.on('request', (request: IncomingMessage, response: ServerResponse) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const received = { method: request.method ?? '', url: request.url ?? '', headers: request.headers, body: Buffer.concat(chunks) };
        upstream.received.push(received);
        upstream.handler(received, response);
      });
    });
    return upstream;
  }

  last(): ReceivedRequest {
    const request = this.received.at(-1);
    if (!request) throw new Error('the upstream received no request');
    return request;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** A port nothing listens on. */
export async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}`;
}
