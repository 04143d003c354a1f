import { createServer, type IncomingMessage, request as forward, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  path: string;
  idempotencyKey: string | undefined;
  /** The form-encoded body, decoded. */
  form: URLSearchParams;
}

/** An HTTP proxy that records each request (method, path, Idempotency-Key, body) and forwards it to `target`. */
export class RecordingProxy {
  readonly requests: RecordedRequest[] = [];
  private readonly upstream: URL;
  private readonly server = createServer((incoming, outgoing) => this.relay(incoming, outgoing));

  private constructor(target: string) {
    this.upstream = new URL(target);
  }

  static async start(target: string): Promise<RecordingProxy> {
    const proxy = new RecordingProxy(target);
    await new Promise<void>((resolve) => proxy.server.listen(0, '127.0.0.1', resolve));
    return proxy;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  close(): Promise<void> {
    return new Promise((resolve, reject) => this.server.close((error) => (error ? reject(error) : resolve())));
  }

  private relay(incoming: IncomingMessage, outgoing: ServerResponse): void {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const body = Buffer.concat(chunks);
      const key = incoming.headers['idempotency-key'];
      this.requests.push({ method: incoming.method ?? '', path: incoming.url ?? '', idempotencyKey: typeof key === 'string' ? key : undefined, form: new URLSearchParams(body.toString('utf8')) });
      const upstream = forward(
        { host: this.upstream.hostname, port: this.upstream.port, method: incoming.method, path: incoming.url, headers: { ...incoming.headers, host: this.upstream.host } },
        (answer) => {
          outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(outgoing);
        },
      );
      upstream.on('error', () => outgoing.destroy());
      upstream.end(body);
    });
  }
}
