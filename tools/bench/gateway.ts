import { BACKEND_SERVICES } from '@marketplace/platform';
import { createTestDatabase, ServiceCluster } from '@marketplace/testing';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { reportBenchFailure } from './bench-config';
import { processCpuSeconds } from './gateway-cpu';
import { gatewayBenchConfig, type GatewayBenchConfig } from './gateway-bench-config';
import { combineLoads, runLoad, type LoadResult } from './gateway-load';
import { gatewayReport, type LevelResult } from './gateway-report';
import { machineReport } from './machine-report';

/**
 * `npm run bench:gateway`: the gateway's own overhead. Identity and the gateway run as separate
 * processes on a fresh database, logging at LOG_LEVEL=info as in production; one user's token is then
 * sent to `GET /me` directly at identity and to `GET /api/v1/me` through the gateway, at each
 * concurrency (1 and 32 connections), the two targets taking turns in rounds so that both see the same
 * machine. Only 127.0.0.1 is ever called. Not a test: it prints figures.
 */
async function main(): Promise<void> {
  const config = gatewayBenchConfig();
  const log = (line: string) => process.stdout.write(`${line}\n`);
  const database = await createTestDatabase('bench_gateway');
  let cluster: ServiceCluster | undefined;
  const profileDir = config.cpuProfileDir && resolve(config.cpuProfileDir);
  try {
    for (const line of await machineReport(database.url)) log(line);
    log(`starting identity and the gateway as processes (LOG_LEVEL=${config.logLevel}${profileDir ? `, gateway with --cpu-prof into ${profileDir}` : ''}) ...`);
    if (profileDir) mkdirSync(profileDir, { recursive: true });
    const logLevel = { LOG_LEVEL: config.logLevel };
    cluster = await ServiceCluster.start({
      label: 'bench',
      databaseUrl: database.url,
      kafkaBrokers: config.kafkaBrokers,
      backends: [{ app: 'identity', env: logLevel }],
      gateway: {
        absent: BACKEND_SERVICES.filter((s) => s !== 'identity'),
        env: {
          ...logLevel,
          // The benchmark is one client at full speed: the per-IP and per-user limits would only measure 429s.
          RATE_LIMIT_IP_MAX: '1000000000',
          RATE_LIMIT_USER_MAX: '1000000000',
          ...(profileDir ? { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${profileDir}` } : {}),
        },
      },
    });
    const token = await signUp(`${cluster.url('gateway')}/api/v1`);
    const direct = { target: 'identity GET /me (direct)', url: `${cluster.url('identity')}/me` };
    const viaGateway = { target: 'gateway GET /api/v1/me', url: `${cluster.url('gateway')}/api/v1/me` };
    log(
      `load: ${config.concurrencies.join(' and ')} connection${config.concurrencies.length === 1 && config.concurrencies[0] === 1 ? '' : 's'}; per target and concurrency ${config.warmupSeconds} s warm-up, then at most ` +
        `${config.maxRequests} requests or ${config.seconds} s in ${config.rounds} rounds, the targets taking turns`,
    );
    const levels: LevelResult[] = [];
    const pids = { identity: cluster.process('identity').pid, gateway: cluster.process('gateway').pid };
    let turn = 0;
    for (const concurrency of config.concurrencies) {
      const runs = new Map<string, LoadResult[]>([[direct.url, []], [viaGateway.url, []]]);
      const cpu = new Map([[direct.url, new CpuTally()], [viaGateway.url, new CpuTally()]]);
      for (const { url } of [direct, viaGateway]) await warmUp(url, token, concurrency, config);
      for (let round = 0; round < config.rounds; round += 1, turn += 1) {
        for (const { url } of turn % 2 === 0 ? [direct, viaGateway] : [viaGateway, direct]) {
          const before = { identity: processCpuSeconds(pids.identity), gateway: processCpuSeconds(pids.gateway) };
          const run = await measure(url, token, concurrency, config);
          cpu.get(url)?.add(before, { identity: processCpuSeconds(pids.identity), gateway: processCpuSeconds(pids.gateway) });
          runs.get(url)?.push(run);
        }
      }
      const level = {
        concurrency,
        direct: { target: direct.target, ...combineLoads(runs.get(direct.url) ?? []) },
        viaGateway: { target: viaGateway.target, ...combineLoads(runs.get(viaGateway.url) ?? []) },
      };
      const connections = `${concurrency} connection${concurrency === 1 ? '' : 's'}`;
      for (const r of [level.direct, level.viaGateway]) {
        log(`  ${connections}, ${r.target}: ${Math.round(r.requestsPerSecond)} req/s, p50 ${r.p50Ms.toFixed(2)} ms, p99 ${r.p99Ms.toFixed(2)} ms, ${r.errors} errors`);
      }
      const directCpu = cpu.get(direct.url)?.perRequest(level.direct.requests);
      const gatewayCpu = cpu.get(viaGateway.url)?.perRequest(level.viaGateway.requests);
      if (directCpu && gatewayCpu) {
        log(`  ${connections}, CPU per request: direct identity ${directCpu.identity} µs; through the gateway identity ${gatewayCpu.identity} µs + gateway ${gatewayCpu.gateway} µs`);
      }
      levels.push(level);
    }
    log('');
    log(gatewayReport(levels));
    if (levels.some((level) => level.direct.errors > 0 || level.viaGateway.errors > 0)) process.exitCode = 1;
  } finally {
    await cluster?.stop();
    await database.drop();
  }
  if (profileDir) log(`gateway CPU profiles in ${profileDir}: ${readdirSync(profileDir).filter((f) => f.endsWith('.cpuprofile')).join(', ')}`);
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

/** CPU seconds the two processes used during one target's rounds (from /proc; absent elsewhere). */
class CpuTally {
  private identity = 0;
  private gateway = 0;
  private known = true;

  add(before: { identity?: number; gateway?: number }, after: { identity?: number; gateway?: number }): void {
    if (before.identity === undefined || before.gateway === undefined || after.identity === undefined || after.gateway === undefined) {
      this.known = false;
      return;
    }
    this.identity += after.identity - before.identity;
    this.gateway += after.gateway - before.gateway;
  }

  /** Microseconds of CPU per request for each process, or undefined when /proc could not be read. */
  perRequest(requests: number): { identity: number; gateway: number } | undefined {
    if (!this.known || requests === 0) return undefined;
    return { identity: Math.round((this.identity * 1e6) / requests), gateway: Math.round((this.gateway * 1e6) / requests) };
  }
}

/** One request; it must answer 200 with its body read. */
function sender(url: string, token: string): () => Promise<boolean> {
  return async () => {
    const response = await fetch(url, { headers: { authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(10_000) });
    await response.arrayBuffer();
    return response.status === 200;
  };
}

async function warmUp(url: string, token: string, concurrency: number, config: GatewayBenchConfig): Promise<void> {
  await runLoad(sender(url, token), { concurrency, maxRequests: Number.MAX_SAFE_INTEGER, maxSeconds: config.warmupSeconds });
}

/** One round: its share of the request and time budgets. */
async function measure(url: string, token: string, concurrency: number, config: GatewayBenchConfig): Promise<LoadResult> {
  return runLoad(sender(url, token), { concurrency, maxRequests: Math.ceil(config.maxRequests / config.rounds), maxSeconds: config.seconds / config.rounds });
}

main().catch(reportBenchFailure);
