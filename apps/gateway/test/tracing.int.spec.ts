import { buildServiceEnv, ensureBuilt, freePort, ServiceProcess } from '@marketplace/testing';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { UpstreamServer } from './support/upstream-server';

interface ExportedSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes: { key: string; value: { stringValue?: string; intValue?: string | number } }[];
}

/** OTLP/HTTP JSON: every span of every batch the collector received. */
function spansOf(batches: string[]): ExportedSpan[] {
  return batches.flatMap((body) => {
    const request = JSON.parse(body) as { resourceSpans: { scopeSpans: { spans: ExportedSpan[] }[] }[] };
    return request.resourceSpans.flatMap((resource) => resource.scopeSpans.flatMap((scope) => scope.spans));
  });
}

function attribute(span: ExportedSpan, key: string): string | number | undefined {
  const value = span.attributes.find((a) => a.key === key)?.value;
  return value?.stringValue ?? (value?.intValue === undefined ? undefined : Number(value.intValue));
}

/**
 * The gateway as production runs it (its own process, telemetry started by main.ts with the platform's
 * server spans), exporting to a stand-in OTLP collector: the caller's trace is continued by the
 * gateway's SERVER span, its CLIENT span to the service is a child of it, and the service receives that
 * span's trace context.
 */
describe('gateway tracing (own process)', () => {
  let catalog: UpstreamServer;
  let collector: Server;
  const batches: string[] = [];
  let gateway: ServiceProcess | undefined;

  beforeAll(async () => {
    await ensureBuilt();
    catalog = await UpstreamServer.start();
    collector = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        if (request.url === '/v1/traces') batches.push(Buffer.concat(chunks).toString('utf8'));
        response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
    const port = await freePort();
    const urls = Object.fromEntries(['identity', 'catalog', 'orders', 'payments', 'search', 'notifications'].map((service) => [service, catalog.url]));
    const env = buildServiceEnv({
      name: 'gateway',
      port,
      serviceUrls: urls,
      extra: { OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${(collector.address() as AddressInfo).port}` },
    });
    gateway = await ServiceProcess.start({ app: 'gateway', env, port, label: 'tracing', isReady: async (url) => (await fetch(`${url}/health`)).ok });
  }, 180_000);

  afterAll(async () => {
    await gateway?.stop();
    await catalog?.close();
    await new Promise((resolve) => collector?.close(resolve));
  });

  it("continues the caller's trace: SERVER span, CLIENT span under it, its traceparent to the service", async () => {
    const traceId = '0af7651916cd43dd8448eb211c80319c';
    const response = await fetch(`${gateway?.baseUrl}/api/v1/products/p-1?access_token=secret&x=1`, { headers: { traceparent: `00-${traceId}-b7ad6b7169203331-01` } });
    expect(response.status).toBe(200);
    // The batch processor exports when the process stops.
    await gateway?.stop();

    const spans = spansOf(batches).filter((span) => span.traceId === traceId);
    const server = spans.find((span) => span.kind === 2);
    const client = spans.find((span) => span.kind === 3);
    expect(server).toMatchObject({ name: 'GET', parentSpanId: 'b7ad6b7169203331' });
    expect(server && attribute(server, 'url.path')).toBe('/api/v1/products/p-1');
    expect(server && attribute(server, 'url.query')).toBe('access_token=REDACTED&x=1');
    expect(server && attribute(server, 'http.response.status_code')).toBe(200);
    expect(client).toMatchObject({ name: 'GET', parentSpanId: server?.spanId });
    expect(client && attribute(client, 'url.full')).toBe(`${catalog.url}/products/p-1`);
    expect(catalog.last().headers.traceparent).toBe(`00-${traceId}-${client?.spanId}-01`);
  });
});
