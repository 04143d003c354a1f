import { BACKEND_SERVICES } from '@marketplace/platform';
import { createTestDatabase, ServiceCluster } from '@marketplace/testing';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { reportBenchFailure } from './bench-config';
import { BareProxyProcess } from './gateway-bare-proxy';
import { processCpuSeconds } from './gateway-cpu';
import { gatewayBenchConfig, type GatewayBenchConfig } from './gateway-bench-config';
import { combineLoads, runLoad, type LoadResult } from './gateway-load';
import { gatewayReport, type LevelResult } from './gateway-report';
import { machineReport } from './machine-report';

/**
 * `npm run bench:gateway`: the gateway's own overhead. Identity and the gateway run as separate
 * processes on a fresh database, logging at LOG_LEVEL=info as in production; one user's token is then
 * sent to `GET /me` directly at identity, to `GET /api/v1/me` through the gateway and, as the bound, to
 * the same path through a bare `node:http` proxy on an undici pool (its own process too;
 * `gateway-bare-proxy.ts`), at each concurrency (1 and 32 connections), the targets taking turns in
 * rounds so that all see the same machine. Only 127.0.0.1 is ever called. Not a test: it prints figures.
 */
async function main(): Promise<void> {
  const config = gatewayBenchConfig();
  const log = (line: string) => process.stdout.write(`${line}\n`);
  const database = await createTestDatabase('bench_gateway');
  let cluster: ServiceCluster | undefined;
  let bare: BareProxyProcess | undefined;
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
    if (config.bareProxy) bare = await BareProxyProcess.start(cluster.url('identity'), '/api/v1');
    const viaBareProxy = bare && { target: 'bare proxy GET /api/v1/me', url: `${bare.url}/api/v1/me` };
    const targets = [direct, ...(viaBareProxy ? [viaBareProxy] : []), viaGateway];
    log(
      `load: ${config.concurrencies.join(' and ')} connection${config.concurrencies.length === 1 && config.concurrencies[0] === 1 ? '' : 's'}; per target and concurrency ${config.warmupSeconds} s warm-up, then at most ` +
        `${config.maxRequests} requests or ${config.seconds} s in ${config.rounds} rounds, the ${targets.length} targets taking turns (order reversed every other round)`,
    );
    log(`load average at the start: ${loadAverage()}`);
    const levels: LevelResult[] = [];
    const pids = { identity: cluster.process('identity').pid, gateway: cluster.process('gateway').pid, bare: bare?.pid };
    const cpuNow = () => ({ identity: processCpuSeconds(pids.identity), gateway: processCpuSeconds(pids.gateway), bare: processCpuSeconds(pids.bare) });
    let turn = 0;
    for (const concurrency of config.concurrencies) {
      const runs = new Map<string, LoadResult[]>(targets.map(({ url }) => [url, []]));
      const cpu = new Map(targets.map(({ url }) => [url, new CpuTally()]));
      for (const { url } of targets) await warmUp(url, token, concurrency, config);
      for (let round = 0; round < config.rounds; round += 1, turn += 1) {
        for (const { url } of turn % 2 === 0 ? targets : [...targets].reverse()) {
          const before = cpuNow();
          const run = await measure(url, token, concurrency, config);
          cpu.get(url)?.add(before, cpuNow());
          runs.get(url)?.push(run);
        }
      }
      const combined = (target: { target: string; url: string }) => ({ target: target.target, ...combineLoads(runs.get(target.url) ?? []) });
      const level: LevelResult = {
        concurrency,
        direct: combined(direct),
        viaGateway: combined(viaGateway),
        ...(viaBareProxy ? { viaBareProxy: combined(viaBareProxy) } : {}),
      };
      const connections = `${concurrency} connection${concurrency === 1 ? '' : 's'}`;
      for (const r of [level.direct, ...(level.viaBareProxy ? [level.viaBareProxy] : []), level.viaGateway]) {
        log(`  ${connections}, ${r.target}: ${Math.round(r.requestsPerSecond)} req/s, p50 ${r.p50Ms.toFixed(2)} ms, p99 ${r.p99Ms.toFixed(2)} ms, ${r.errors} errors`);
      }
      const directCpu = cpu.get(direct.url)?.perRequest(level.direct.requests);
      const gatewayCpu = cpu.get(viaGateway.url)?.perRequest(level.viaGateway.requests);
      const bareCpu = viaBareProxy && level.viaBareProxy && cpu.get(viaBareProxy.url)?.perRequest(level.viaBareProxy.requests);
      if (directCpu && gatewayCpu) {
        log(
          `  ${connections}, CPU per request: direct identity ${directCpu.identity} µs; ` +
            (bareCpu ? `through the bare proxy identity ${bareCpu.identity} µs + proxy ${bareCpu.bare} µs; ` : '') +
            `through the gateway identity ${gatewayCpu.identity} µs + gateway ${gatewayCpu.gateway} µs`,
        );
      }
      levels.push(level);
    }
    log(`load average at the end: ${loadAverage()}`);
    log('');
    log(gatewayReport(levels));
    if (levels.some((level) => level.direct.errors > 0 || level.viaGateway.errors > 0 || (level.viaBareProxy?.errors ?? 0) > 0)) process.exitCode = 1;
  } finally {
    await bare?.stop();
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

type ProcessCpu = { identity?: number; gateway?: number; bare?: number };

/** CPU seconds each process used during one target's rounds (from /proc; absent elsewhere). */
class CpuTally {
  private readonly used = { identity: 0, gateway: 0, bare: 0 };
  private readonly known = { identity: true, gateway: true, bare: true };

  add(before: ProcessCpu, after: ProcessCpu): void {
    for (const name of ['identity', 'gateway', 'bare'] as const) {
      const [from, to] = [before[name], after[name]];
      if (from === undefined || to === undefined) this.known[name] = false;
      else this.used[name] += to - from;
    }
  }

  /** Microseconds of CPU per request for identity and the gateway (and the bare proxy, 0 if absent), or undefined when /proc could not be read. */
  perRequest(requests: number): { identity: number; gateway: number; bare: number } | undefined {
    if (!this.known.identity || !this.known.gateway || requests === 0) return undefined;
    const us = (seconds: number) => Math.round((seconds * 1e6) / requests);
    return { identity: us(this.used.identity), gateway: us(this.used.gateway), bare: this.known.bare ? us(this.used.bare) : 0 };
  }
}

function loadAverage(): string {
  return loadavg()
    .map((n) => n.toFixed(2))
    .join(', ');
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
