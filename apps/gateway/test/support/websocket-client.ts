import type { IncomingHttpHeaders } from 'node:http';
import { connect } from 'node:net';
import { WebSocket } from 'ws';

export type Handshake =
  | { opened: true; ws: WebSocket; headers: IncomingHttpHeaders }
  | { opened: false; status: number; headers: IncomingHttpHeaders; body: string };

/** Opens a WebSocket as a client app would; a refused handshake resolves with the HTTP response it got instead. */
export function openWebSocket(url: string, headers: Record<string, string> = {}): Promise<Handshake> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers });
    let upgradeHeaders: IncomingHttpHeaders = {};
    ws.once('upgrade', (response) => (upgradeHeaders = response.headers));
    ws.once('open', () => resolve({ opened: true, ws, headers: upgradeHeaders }));
    ws.once('unexpected-response', (_request, response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => resolve({ opened: false, status: response.statusCode ?? 0, headers: response.headers, body }));
    });
    ws.once('error', reject);
  });
}

/** The WebSocket of a handshake that must have succeeded. */
export function opened(handshake: Handshake): WebSocket {
  if (!handshake.opened) throw new Error(`expected the WebSocket to open, got ${handshake.status} ${handshake.body}`);
  return handshake.ws;
}

/** The HTTP answer of a handshake that must have been refused, its body parsed. */
export function refused(handshake: Handshake): { status: number; headers: IncomingHttpHeaders; json: { error: Record<string, unknown> } } {
  if (handshake.opened) throw new Error('expected the handshake to be refused');
  return { status: handshake.status, headers: handshake.headers, json: JSON.parse(handshake.body) as { error: Record<string, unknown> } };
}

/** The next message the socket receives, as text. */
export function nextMessage(ws: WebSocket): Promise<string> {
  return new Promise((resolve) => ws.once('message', (data) => resolve(data.toString())));
}

/** Resolves with the close code once the socket closes (call it before the close). */
export function closed(ws: WebSocket): Promise<number> {
  return new Promise((resolve) => ws.once('close', (code) => resolve(code)));
}

/** Sends bytes exactly as given and resolves with all the server answered once it closed the connection. */
export function rawExchange(url: string, bytes: string | Buffer): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    let answer = '';
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString('latin1')));
    socket.once('close', () => resolve(answer));
    socket.once('error', reject);
    socket.write(bytes);
  });
}

/** Fails fast instead of at the integration suite's two-minute timeout. */
export function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([promise, new Promise<never>((_resolve, reject) => setTimeout(() => reject(new Error(`${what}: not within ${ms} ms`)), ms).unref())]);
}
