import { BACKEND_SERVICES } from '@marketplace/platform';
import { createTestDatabase, ServiceCluster } from '@marketplace/testing';
import { randomBytes } from 'node:crypto';
import { reportBenchFailure } from './bench-config';
import { gatewayBenchConfig, type GatewayBenchConfig } from './gateway-bench-config';
import { runLoad, type LoadResult } from './gateway-load';
import { gatewayReport, type TargetResult } from './gateway-report';

/**
 * `npm run bench:gateway`: the gateway's own overhead. Identity and the gateway run as separate
 * processes on a fresh database; one user's token is then sent to `GET /me` directly at identity and
 * to `GET /api/v1/me` through the gateway, with the same concurrency and budgets, one after the other.
 * Only 127.0.0.1 is ever called. Not a test: it prints figures.
 */
async function main(): Promise<void> {
  const config = gatewayBenchConfig();
  const log = (line: string) => process.stdout.write(`${line}\n`);
  const database = await createTestDatabase('bench_gateway');
  let cluster: ServiceCluster | undefined;
  try {
    log('starting identity and the gateway as processes ...');
    cluster = await ServiceCluster.start({
      label: 'bench',
      databaseUrl: database.url,
      kafkaBrokers: config.kafkaBrokers,
      backends: [{ app: 'identity' }],
      // The benchmark is one client at full speed: the per-IP and per-user limits would only measure 429s.
      gateway: { absent: BACKEND_SERVICES.filter((s) => s !== 'identity'), env: { RATE_LIMIT_IP_MAX: '1000000000', RATE_LIMIT_USER_MAX: '1000000000' } },
    });
    const token = await signUp(`${cluster.url('gateway')}/api/v1`);
    const targets = [
      { target: 'identity GET /me (direct)', url: `${cluster.url('identity')}/me` },
      { target: 'gateway GET /api/v1/me', url: `${cluster.url('gateway')}/api/v1/me` },
    ];
    log(`load: ${config.concurrency} connections, ${config.warmupSeconds} s warm-up, then at most ${config.maxRequests} requests or ${config.seconds} s per target`);
    const results: TargetResult[] = [];
    for (const { target, url } of targets) {
      const result = await measure(url, token, config);
      log(`  ${target}: ${Math.round(result.requestsPerSecond)} req/s, p50 ${result.p50Ms.toFixed(2)} ms, p99 ${result.p99Ms.toFixed(2)} ms, ${result.errors} errors`);
      results.push({ target, ...result });
    }
    log('');
    log(gatewayReport(results[0], results[1]));
    if (results.some((r) => r.errors > 0)) process.exitCode = 1;
  } finally {
    await cluster?.stop();
    await database.drop();
  }
}

async function signUp(api: string): Promise<string> {
  const credentials = { email: `bench-${randomBytes(4).toString('hex')}@example.com`, password: `Bench-${randomBytes(12).toString('base64url')}`, name: 'Bench User' };
  const post = (path: string, body: unknown) =>
    fetch(`${api}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal: AbortSignal.timeout(15_000) });
  const registered = await post('/auth/register', credentials);
  if (registered.status !== 201) throw new Error(`register answered ${registered.status}: ${await registered.text()}`);
  const login = await post('/auth/login', { email: credentials.email, password: credentials.password });
  if (login.status !== 200) throw new Error(`login answered ${login.status}: ${await login.text()}`);
  return ((await login.json()) as { accessToken: string }).accessToken;
}

/** Warm-up (not measured), then the measured run; every request must answer 200 with its body read. */
async function measure(url: string, token: string, config: GatewayBenchConfig): Promise<LoadResult> {
  const send = async () => {
    const response = await fetch(url, { headers: { authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(10_000) });
    await response.arrayBuffer();
    return response.status === 200;
  };
  await runLoad(send, { concurrency: config.concurrency, maxRequests: Number.MAX_SAFE_INTEGER, maxSeconds: config.warmupSeconds });
  return runLoad(send, { concurrency: config.concurrency, maxRequests: config.maxRequests, maxSeconds: config.seconds });
}

main().catch(reportBenchFailure);
