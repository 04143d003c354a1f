import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { UpstreamServer } from './upstream-server';

/** What a refusing service answers instead of switching protocols. */
export interface Refusal {
  status: number;
  body: unknown;
}

/**
 * A real `ws` server on a stand-in service's HTTP server, as notifications serves `conversations/ws`:
 * it records each handshake and each message, and can refuse handshakes with a JSON error, answer
 * late, or greet in the same write as its 101.
 */
export class WebSocketUpstream {
  readonly handshakes: IncomingMessage[] = [];
  readonly sockets: WebSocket[] = [];
  readonly messages: string[] = [];
  private readonly connections = new Map<WebSocket, Duplex>();
  refusal: Refusal | undefined;
  answerDelayMs = 0;
  greeting: string | undefined;
  private readonly wss = new WebSocketServer({ noServer: true });

  constructor(upstream: UpstreamServer) {
    upstream.server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
      this.handshakes.push(request);
      socket.on('error', () => socket.destroy());
      setTimeout(() => this.answer(request, socket, head), this.answerDelayMs);
    });
  }

  /** Back to accepting at once, without a greeting. */
  restoreDefaults(): void {
    this.refusal = undefined;
    this.answerDelayMs = 0;
    this.greeting = undefined;
  }

  lastHandshake(): IncomingMessage {
    const handshake = this.handshakes.at(-1);
    if (!handshake) throw new Error('the service received no upgrade request');
    return handshake;
  }

  lastSocket(): WebSocket {
    const socket = this.sockets.at(-1);
    if (!socket) throw new Error('no WebSocket is open at the service');
    return socket;
  }

  /** Drops the last WebSocket's TCP connection with a reset (RST), as a crashed service host would. */
  resetLastConnection(): void {
    (this.connections.get(this.lastSocket()) as Socket).resetAndDestroy();
  }

  /** Open tunnels keep the HTTP server from closing. */
  close(): void {
    for (const socket of this.sockets) socket.terminate();
    this.wss.close();
  }

  private answer(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    if (this.refusal) {
      const body = JSON.stringify(this.refusal.body);
      socket.end(`HTTP/1.1 ${this.refusal.status} Refused\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`);
      return;
    }
    const greeting = this.greeting;
    // Corked: the greeting leaves in the same write as the 101, so it arrives with the response head.
    if (greeting) socket.cork();
    this.wss.handleUpgrade(request, socket, head, (ws) => {
      this.sockets.push(ws);
      this.connections.set(ws, socket);
      ws.on('message', (data) => this.messages.push(data.toString()));
      if (greeting) {
        ws.send(greeting);
        process.nextTick(() => socket.uncork());
      }
    });
  }
}
