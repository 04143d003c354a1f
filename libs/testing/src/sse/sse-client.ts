import { request } from 'node:http';
import type { IncomingMessage } from 'node:http';

export interface SseEvent {
  event: string;
  id?: string;
  data: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- event payloads are read field by field
}

/**
 * A Server-Sent Events client for tests and benchmarks: connects with headers (a bearer token,
 * Last-Event-ID), parses the stream, keeps every event, and lets a caller wait for one.
 */
export class SseClient {
  readonly events: SseEvent[] = [];
  private buffer = '';
  private readonly waiters = new Set<() => boolean>();
  private readonly listeners: Array<(event: SseEvent) => void> = [];

  private constructor(private readonly response: IncomingMessage, readonly status: number) {
    response.setEncoding('utf8');
    response.on('data', (chunk: string) => this.feed(chunk));
  }

  static connect(url: string, headers: Record<string, string> = {}): Promise<SseClient> {
    return new Promise((resolve, reject) => {
      const req = request(url, { headers: { accept: 'text/event-stream', ...headers } }, (response) => resolve(new SseClient(response, response.statusCode ?? 0)));
      req.once('error', reject);
      req.end();
    });
  }

  /** The last event id seen: what a reconnecting client sends as Last-Event-ID. */
  get lastEventId(): string | undefined {
    return this.events.findLast((event) => event.id !== undefined)?.id;
  }

  /** Resolves with the first event (from the start of the stream) that matches, or rejects after timeoutMs. */
  next(match: (event: SseEvent) => boolean, timeoutMs = 10_000): Promise<SseEvent> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = this.events.find(match);
        if (!found) return false;
        this.waiters.delete(check);
        clearTimeout(timer);
        resolve(found);
        return true;
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new Error(`no matching server-sent event within ${timeoutMs} ms; got ${this.events.map((e) => e.event).join(', ')}`));
      }, timeoutMs);
      if (!check()) this.waiters.add(check);
    });
  }

  /** Called with each event as it arrives. */
  onEvent(listener: (event: SseEvent) => void): void {
    this.listeners.push(listener);
  }

  close(): void {
    this.response.destroy();
  }

  private feed(chunk: string): void {
    this.buffer += chunk;
    let end = this.buffer.indexOf('\n\n');
    while (end !== -1) {
      this.parse(this.buffer.slice(0, end));
      this.buffer = this.buffer.slice(end + 2);
      end = this.buffer.indexOf('\n\n');
    }
  }

  private parse(block: string): void {
    const fields = new Map<string, string>();
    for (const line of block.split('\n')) {
      if (line.startsWith(':') || !line.includes(':')) continue;
      const at = line.indexOf(':');
      fields.set(line.slice(0, at), line.slice(at + 1).trimStart());
    }
    const data = fields.get('data');
    if (data === undefined) return;
    const event = { event: fields.get('event') ?? 'message', id: fields.get('id'), data: JSON.parse(data) };
    this.events.push(event);
    this.listeners.forEach((listener) => listener(event));
    for (const waiter of [...this.waiters]) waiter();
  }
}
