import type { ServerResponse } from 'node:http';

/** Past this much unsent output the client is not keeping up: it is disconnected and resumes by Last-Event-ID. */
const MAX_BUFFERED_BYTES = 1024 * 1024;

/** Writes Server-Sent Events (text/event-stream) on a raw response. */
export class SseWriter {
  constructor(private readonly response: ServerResponse) {}

  open(retryMs: number): void {
    this.response.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      // Proxies such as nginx would otherwise hold events back.
      'x-accel-buffering': 'no',
    });
    this.response.write(`retry: ${retryMs}\n\n`);
  }

  event(kind: string, data: unknown, id?: string): void {
    const lines = [`event: ${kind}`, ...(id === undefined ? [] : [`id: ${id}`]), `data: ${JSON.stringify(data)}`];
    this.write(`${lines.join('\n')}\n\n`);
  }

  /** A comment line: keeps idle connections open through proxies and tells a dead one apart. */
  heartbeat(): void {
    this.write(': heartbeat\n\n');
  }

  onClose(listener: () => void): void {
    this.response.once('close', listener);
  }

  close(): void {
    this.response.end();
  }

  private write(chunk: string): void {
    if (this.response.writableEnded || this.response.destroyed) return;
    this.response.write(chunk);
    if (this.response.writableLength > MAX_BUFFERED_BYTES) this.response.destroy();
  }
}
