import type { AuthenticatedUser } from '@marketplace/auth';
import { type RawData, WebSocket } from 'ws';
import type { LiveEvent } from '../../../live/live-event';
import { type ClientFrame, type ErrorFrame, parseFrame, type ServerFrame } from './frames';

/** What a socket needs from the service: the user's live events, and the actions frames ask for. */
export interface SocketSession {
  /** Forwards the user's live events and counts the user present; returns what stops both. */
  listen(userId: string, forward: (event: LiveEvent) => void): () => void;
  act(user: AuthenticatedUser, frame: ClientFrame): Promise<ServerFrame[]>;
  fail(error: unknown, ref?: string): ErrorFrame;
}

const FORWARDED = new Set(['message', 'receipt', 'conversation']);
/** Frames waiting their turn; a client sending faster is told so, and those frames are dropped. */
const MAX_PENDING_FRAMES = 32;
/** Past this much unsent output the client is not reading: it is cut off rather than buffered for. */
const MAX_BUFFERED_BYTES = 1024 * 1024;

/** One user's WebSocket: frames in (one at a time, in order, so a client's messages keep their order), live events out. */
export class ConversationSocket {
  private alive = true;
  private pending = 0;
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly ws: WebSocket,
    private readonly user: AuthenticatedUser,
    private readonly session: SocketSession,
  ) {}

  start(): void {
    const stop = this.session.listen(this.user.id, (event) => this.forward(event));
    this.ws.once('close', stop);
    this.ws.on('error', () => this.ws.terminate());
    this.ws.on('pong', () => (this.alive = true));
    this.ws.on('message', (data, isBinary) => this.receive(data, isBinary));
  }

  /** Pings; a socket that did not answer the previous ping is dead and dropped. */
  beat(): void {
    if (!this.alive) return this.ws.terminate();
    this.alive = false;
    this.ws.ping();
  }

  close(): void {
    this.ws.close(1001, 'server shutting down');
  }

  private forward(event: LiveEvent): void {
    if (event.kind === 'resync') this.send({ type: 'resync' });
    else if (FORWARDED.has(event.kind)) this.send({ type: event.kind, ...(event.data as object) });
  }

  private receive(data: RawData, isBinary: boolean): void {
    if (this.pending >= MAX_PENDING_FRAMES) return this.send({ type: 'error', error: { code: 'too_many_frames', message: 'Frames arrive faster than they are handled; this one was dropped.' } });
    this.pending += 1;
    this.queue = this.queue.then(() => this.handle(data, isBinary)).finally(() => (this.pending -= 1));
  }

  private async handle(data: RawData, isBinary: boolean): Promise<void> {
    const parsed = parseFrame(data, isBinary);
    if ('error' in parsed) return this.send(parsed.error);
    const { frame } = parsed;
    try {
      (await this.session.act(this.user, frame)).forEach((reply) => this.send(reply));
    } catch (error) {
      this.send(this.session.fail(error, frame.ref ?? (frame.type === 'send' ? frame.clientMessageId : undefined)));
    }
  }

  private send(frame: ServerFrame | ErrorFrame): void {
    if (this.ws.readyState !== WebSocket.OPEN) return;
    if (this.ws.bufferedAmount > MAX_BUFFERED_BYTES) return this.ws.terminate();
    this.ws.send(JSON.stringify(frame));
  }
}
