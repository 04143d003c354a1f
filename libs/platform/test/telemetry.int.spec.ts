import { ensureBuilt, repoRoot } from '@marketplace/testing';
import { execFile } from 'node:child_process';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';

/**
 * A process as a service's main runs it: telemetry started first, then an HTTP server that answers
 * with the trace id it sees, one request to it, telemetry stopped (flushing the spans). It prints that
 * trace id and which of the optional packages it loaded. Its own process: the instrumentations patch
 * Node's module loader, which Jest replaces.
 */
const TRACED_PROCESS = `
const http = require('node:http');
const { isSpanContextValid, trace } = require('@opentelemetry/api');
const { startTelemetry, stopTelemetry } = require(process.env.TELEMETRY_MODULE);
startTelemetry({ serviceName: 'telemetry-test' });
const server = http.createServer((request, response) => {
  const span = trace.getActiveSpan()?.spanContext();
  response.end(span && isSpanContextValid(span) ? span.traceId : '');
});
server.listen(0, '127.0.0.1', () => {
  http.get('http://127.0.0.1:' + server.address().port + '/widgets?page=2', (response) => {
    let traceId = '';
    response.on('data', (chunk) => (traceId += chunk));
    response.on('end', async () => {
      server.close();
      await stopTelemetry();
      const loaded = (name) => Object.keys(require.cache).some((file) => file.includes('/node_modules/' + name + '/'));
      const packages = ['@opentelemetry/exporter-trace-otlp-http', '@opentelemetry/instrumentation-pg', '@opentelemetry/instrumentation-kafkajs', 'kafkajs'];
      process.stdout.write(JSON.stringify({ traceId, loaded: packages.filter(loaded) }));
    });
  });
});
`;

async function runTracedProcess(env: Record<string, string>): Promise<{ traceId: string; loaded: string[] }> {
  const root = repoRoot();
  const { stdout } = await promisify(execFile)(process.execPath, ['-e', TRACED_PROCESS], {
    cwd: root,
    env: { PATH: process.env.PATH, TELEMETRY_MODULE: join(root, 'dist', 'libs', 'platform', 'src', 'telemetry'), ...env },
    timeout: 30_000,
  });
  return JSON.parse(stdout) as { traceId: string; loaded: string[] };
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

describe('telemetry in a service process', () => {
  beforeAll(() => ensureBuilt(), 180_000);

  it('without an OTLP endpoint records the spans of served requests (the trace ids of the logs) and loads no exporter and no client instrumentation it has no use for', async () => {
    const result = await runTracedProcess({});
    expect(result.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(result.loaded).toEqual([]);
  });

  it('with OTEL_EXPORTER_OTLP_ENDPOINT exports the spans of served requests, named by the service, and instruments the configured clients', async () => {
    const exported: { path?: string; body: string }[] = [];
    const collector = createServer((request, response) => {
      void readBody(request).then((body) => {
        exported.push({ path: request.url, body });
        response.end('{}');
      });
    });
    await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
    try {
      const endpoint = `http://127.0.0.1:${(collector.address() as AddressInfo).port}/`;
      const result = await runTracedProcess({ OTEL_EXPORTER_OTLP_ENDPOINT: endpoint, DATABASE_URL: 'postgres://127.0.0.1:1/none', KAFKA_BROKERS: '127.0.0.1:1' });

      expect(result.loaded).toEqual(['@opentelemetry/exporter-trace-otlp-http', '@opentelemetry/instrumentation-pg', '@opentelemetry/instrumentation-kafkajs']);
      const batches = exported.filter((request) => request.path === '/v1/traces').map((request) => request.body);
      expect(batches.length).toBeGreaterThan(0);
      const spans = batches.join('\n');
      expect(spans).toContain('{"key":"service.name","value":{"stringValue":"telemetry-test"}}');
      expect(spans).toContain('/widgets?page=2');
      expect(spans).toContain(result.traceId);
    } finally {
      await new Promise((resolve) => collector.close(resolve));
    }
  });
});
