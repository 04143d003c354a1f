import { Inject, Injectable, type BeforeApplicationShutdown } from '@nestjs/common';
import { LOGGER } from '@marketplace/platform';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ServerResponse, type IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import type { Logger } from 'pino';
import { openTunnel } from './tunnel';

/**
 * The HTTP server's upgrade requests (WebSockets). Each is passed through Fastify's router like any
 * request, so it gets the same request id, edge protection, route, token check and error answers; the
 * proxy takes the connection over when the service switches protocols. Any other answer is written as a
 * plain HTTP response on the connection, which is then closed.
 */
@Injectable()
export class UpgradeRequests implements BeforeApplicationShutdown {
  private readonly upgrades = new WeakSet<IncomingMessage>();
  /** Connections that arrived as upgrades and are still open, in their handshake or tunnelled. */
  private readonly connections = new Set<Duplex>();

  constructor(@Inject(LOGGER) private readonly logger: Logger) {}

  listen(fastify: FastifyInstance): void {
    fastify.server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => this.dispatch(fastify, request, socket, head));
  }

  /** Whether a request arrived as an upgrade: its connection may be taken over. */
  isUpgrade(request: IncomingMessage): boolean {
    return this.upgrades.has(request);
  }

  /** Takes the client's connection out of Fastify and joins it to the service's; logs one line when the tunnel closes. */
  tunnel(request: FastifyRequest, reply: FastifyReply, response: IncomingMessage, upstream: Duplex): FastifyReply {
    reply.hijack();
    const openedAt = Date.now();
    void openTunnel(request.raw.socket, { response, socket: upstream }, String(request.id)).then(() =>
      this.logger.info({ request_id: request.id, method: request.method, url: request.url, status: 101, duration_ms: Date.now() - openedAt }, 'tunnel closed'),
    );
    return reply;
  }

  /** Tunnels would keep the server, and so the process, alive: they end with the app. */
  beforeApplicationShutdown(): void {
    for (const connection of this.connections) connection.destroy();
  }

  private dispatch(fastify: FastifyInstance, request: IncomingMessage, socket: Duplex, head: Buffer): void {
    // Node's server stops watching an upgraded connection: a reset here must not be an uncaught error.
    socket.on('error', () => socket.destroy());
    this.connections.add(socket);
    socket.once('close', () => this.connections.delete(socket));
    // Bytes the client sent after its request head go to the service first, once the tunnel is open.
    if (head.length > 0) socket.unshift(head);
    this.upgrades.add(request);
    const response = new ServerResponse(request);
    response.shouldKeepAlive = false;
    response.assignSocket(socket as Socket);
    response.once('finish', () => socket.end(() => socket.destroy()));
    fastify.routing(request, response);
  }
}
