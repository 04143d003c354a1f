import { WebSocket } from 'ws';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- frames are read field by field
export type Frame = Record<string, any>;

/** What the server answered instead of upgrading. */
export interface Refusal {
  status: number;
  headers: Record<string, unknown>;
  body: Frame;
}

/** A WebSocket client for the tests: keeps every frame it receives and lets a test wait for one. */
export class WsTestClient {
  readonly frames: Frame[] = [];
  private readonly waiters = new Set<() => void>();

  /** Resolves with the close code once the connection is closed, by either side. */
  readonly closed: Promise<number>;

  private constructor(private readonly socket: WebSocket) {
    this.closed = new Promise((resolve) => socket.once('close', (code) => resolve(code)));
    socket.on('message', (data) => {
      this.frames.push(JSON.parse(data.toString()) as Frame);
      this.waiters.forEach((check) => check());
    });
  }

  /** `autoPong: false` plays a client that went away without closing (it answers no ping). */
  static connect(url: string, headers: Record<string, string>, options: { autoPong?: boolean } = {}): Promise<WsTestClient> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(url, { headers, autoPong: options.autoPong ?? true });
      socket.once('open', () => resolve(new WsTestClient(socket)));
      socket.once('unexpected-response', (_request, response) => reject(new Error(`upgrade refused with ${response.statusCode}`)));
      socket.once('error', reject);
    });
  }

  /** Connects expecting a refusal, and reads it. */
  static refusal(url: string, headers: Record<string, string>): Promise<Refusal> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(url, { headers });
      socket.once('open', () => reject(new Error('the upgrade was accepted')));
      socket.once('unexpected-response', (_request, response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: JSON.parse(body) as Frame }));
      });
      socket.once('error', () => undefined);
    });
  }

  get isOpen(): boolean {
    return this.socket.readyState === WebSocket.OPEN;
  }

  send(frame: Frame | string | Buffer): void {
    this.socket.send(typeof frame === 'object' && !Buffer.isBuffer(frame) ? JSON.stringify(frame) : frame);
  }

  /** The first frame received (from the start) that matches, or a rejection after timeoutMs. */
  next(match: (frame: Frame) => boolean, timeoutMs = 10_000): Promise<Frame> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = this.frames.find(match);
        if (!found) return;
        this.waiters.delete(check);
        clearTimeout(timer);
        resolve(found);
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new Error(`no matching frame within ${timeoutMs} ms; got ${JSON.stringify(this.frames)}`));
      }, timeoutMs);
      this.waiters.add(check);
      check();
    });
  }

  async close(): Promise<void> {
    this.socket.close();
    await this.closed;
  }
}
