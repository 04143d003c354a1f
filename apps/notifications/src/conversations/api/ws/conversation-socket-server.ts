import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { type AuthenticatedUser, bearerTokenFrom, JwksTokenVerifier } from '@marketplace/auth';
import { CLOCK, type Clock, ID_GENERATOR, type IdGenerator } from '@marketplace/kernel';
import { LOGGER, NotFoundError, toErrorResponse } from '@marketplace/platform';
import { type BeforeApplicationShutdown, Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { Logger } from 'pino';
import { WebSocketServer } from 'ws';
import { CONVERSATIONS_CONFIG, type ConversationsConfig } from '../../conversations-config';
import type { ConversationSocket } from './conversation-socket';
import { SocketSessions } from './socket-sessions';
import { refuseUpgrade } from './upgrade-refusal';

export const SOCKET_PATH = '/conversations/ws';
/** A send frame holds at most 2000 characters of body: 16 KiB is ample, and bounds what a client can make us parse. */
const MAX_FRAME_BYTES = 16 * 1024;

/**
 * `GET /conversations/ws` on the service's own HTTP server: the upgrade is accepted only with a valid
 * Bearer access token (checked by the verifier every route uses), else refused with the standard error
 * body. Every socket is pinged each heartbeat and dropped when it missed the previous ping.
 */
@Injectable()
export class ConversationSocketServer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  private readonly sockets = new Set<ConversationSocket>();
  private server?: Server;
  private heartbeat?: NodeJS.Timeout;

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly verifier: JwksTokenVerifier,
    private readonly sessions: SocketSessions,
    @Inject(CONVERSATIONS_CONFIG) private readonly config: ConversationsConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    this.server = this.adapterHost.httpAdapter.getHttpServer() as Server;
    this.server.on('upgrade', this.onUpgrade);
    this.heartbeat = setInterval(() => this.sockets.forEach((socket) => socket.beat()), this.config.CONVERSATIONS_HEARTBEAT_MS).unref();
  }

  beforeApplicationShutdown(): void {
    clearInterval(this.heartbeat);
    this.server?.off('upgrade', this.onUpgrade);
    this.sockets.forEach((socket) => socket.close());
  }

  private readonly onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer): void => {
    socket.on('error', () => socket.destroy());
    if (new URL(request.url ?? '/', 'http://service').pathname === SOCKET_PATH) void this.accept(request, socket, head);
    // Other paths belong to other upgrade listeners; with none, such a request would hang.
    else if (this.server?.listenerCount('upgrade') === 1) this.refuse(socket, new NotFoundError('There is no WebSocket endpoint at this path.'));
  };

  private async accept(request: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    let user: AuthenticatedUser;
    try {
      user = await this.verifier.verify(bearerTokenFrom(request.headers.authorization));
    } catch (error) {
      return this.refuse(socket, error);
    }
    this.wss.handleUpgrade(request, socket, head, (ws) => {
      const connection = this.sessions.attach(ws, user);
      this.sockets.add(connection);
      ws.once('close', () => this.sockets.delete(connection));
    });
  }

  private refuse(socket: Duplex, error: unknown): void {
    const response = toErrorResponse(error, { requestId: this.ids.next(), now: this.clock.now() });
    if (response.unexpected) this.logger.error({ err: error }, 'conversations: a WebSocket upgrade failed unexpectedly');
    refuseUpgrade(socket, response);
  }
}
