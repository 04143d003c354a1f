import { fork, type ChildProcess } from 'node:child_process';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Pool } from 'undici';

/** Connection-level headers: a proxy does not pass them on (RFC 9110 §7.6.1). */
const HOP_BY_HOP = ['connection', 'keep-alive', 'transfer-encoding', 'host'];

/**
 * The least a reverse-proxy hop can add, for bench:gateway to compare the gateway with: a bare
 * `node:http` server that sends each request to one service through an undici `Pool` (the gateway's
 * client, kept-alive connections) with `prefix` taken off the path, and writes the service's status,
 * headers and body (read whole, as the gateway does for small bodies) back. No framework, no checks, no
 * telemetry, no log: what it adds over calling the service directly is the hop itself (two more loopback
 * writes and the wake-ups of the processes they reach), which the gateway cannot go below on the same machine.
 */
export function bareProxy(upstream: string, prefix: string): Server {
  const pool = new Pool(upstream, { pipelining: 1 });
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const url = request.url ?? '/';
    const headers = withoutHopByHop(request.headers);
    const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
    pool
      .request({ method: request.method as 'GET', path: url.startsWith(prefix) ? url.slice(prefix.length) || '/' : url, headers, body: hasBody ? request : undefined })
      .then(async (answer) => {
        const body = Buffer.from(await answer.body.arrayBuffer());
        response.writeHead(answer.statusCode, withoutHopByHop(answer.headers)).end(body);
      })
      .catch(() => response.writeHead(502).end());
  });
  server.once('close', () => void pool.close());
  return server;
}

function withoutHopByHop(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  const kept = { ...headers };
  for (const name of HOP_BY_HOP) delete kept[name];
  return kept;
}

/** The bare proxy as its own process (as the gateway is), on 127.0.0.1; it exits when the benchmark does. */
export class BareProxyProcess {
  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
  ) {}

  static async start(upstream: string, prefix: string): Promise<BareProxyProcess> {
    const child = fork(__filename, [], { env: { ...process.env, BARE_PROXY_UPSTREAM: upstream, BARE_PROXY_PREFIX: prefix, NODE_OPTIONS: '' }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const port = await new Promise<number>((resolve, reject) => {
      child.once('message', (message: { port: number }) => resolve(message.port));
      child.once('exit', (code) => reject(new Error(`the bare proxy exited (code ${code}) before listening`)));
    });
    return new BareProxyProcess(child, `http://127.0.0.1:${port}`);
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.kill('SIGTERM');
    await exited;
  }
}

if (require.main === module && process.env.BARE_PROXY_UPSTREAM && process.send) {
  const server = bareProxy(process.env.BARE_PROXY_UPSTREAM, process.env.BARE_PROXY_PREFIX ?? '');
  server.listen(0, '127.0.0.1', () => process.send?.({ port: (server.address() as AddressInfo).port }));
  process.once('disconnect', () => process.exit(0));
  process.once('SIGTERM', () => process.exit(0));
}
