import { SERVICE_NAMES, serviceMain, type ServiceName } from '@marketplace/platform';
import { resolve } from 'node:path';
import type { ConsoleOutput } from './console/console-output';
import { seedDemo } from './demo/seed-demo';
import { demoPlan } from './demo/demo-plan';
import { EmbeddedPostgres } from './embedded-postgres';
import { firstFreePort, isPortFree } from './free-port';
import { portProblems } from './port-check';
import { readyBanner, servicesBanner } from './ready-banner';
import { removeRuntimeFile, writeRuntimeFile } from './runtime-file';
import { serviceEnv } from './service-env';
import { ServiceProcess } from './service-process';
import { loadSharedSecrets, type SharedSecrets } from './shared-secrets';
import { portVariable, type StartConfig } from './start-config';
import { startFailureLine } from './start-failure';
import { waitUntilReady } from './wait-until-ready';

const DATABASE_NAME = 'marketplace';
const SERVICE_STOP_GRACE_MS = 15_000;
const REPO_ROOT = resolve(__dirname, '..', '..', '..');
const START = SERVICE_NAMES.length;

/**
 * Runs the marketplace: checks the ports, starts PostgreSQL (embedded unless DATABASE_URL), the
 * services, waits for the gateway, writes DATA_DIR/runtime.json, seeds the demo, prints where to go.
 * A service that dies stops everything (exit code 1): in development a loud stop beats a restart loop
 * hiding a crash. stop() takes the services down first, then PostgreSQL.
 */
export class Supervisor {
  private readonly services: ServiceProcess[] = [];
  private database?: EmbeddedPostgres;
  private stopping?: Promise<void>;
  private ready = false;

  constructor(
    private readonly config: StartConfig,
    private readonly output: ConsoleOutput,
  ) {}

  say(line: string, level: 'info' | 'warn' | 'error' = 'info'): void {
    this.output.say('start', START, line, level);
  }

  async run(): Promise<void> {
    const started = Date.now();
    const problems = await portProblems(this.config.ports);
    if (problems.length > 0) return this.fail(problems);
    const secrets = await loadSharedSecrets(this.config.dataDir, process.env);
    if (secrets.generated.length > 0) this.say(`generated ${secrets.generated.join(', ')} into ${secrets.path} (kept for the next starts)`);
    const databaseUrl = await this.prepareDatabase();
    SERVICE_NAMES.forEach((name, index) => this.spawn(name, index, databaseUrl, secrets));
    const gateway = `http://127.0.0.1:${this.config.ports.gateway}`;
    this.say(`waiting for ${gateway}/ready ...`);
    const ready = await waitUntilReady(`${gateway}/ready`, this.config.startTimeoutMs, () => !this.stopping);
    if (this.stopping) return;
    if (!ready) return this.fail([`the gateway was not ready within ${this.config.startTimeoutMs} ms: ${await describeReadiness(gateway)}`]);
    this.ready = true;
    await writeRuntimeFile(this.config.dataDir, { databaseUrl, ...(this.config.kafkaBrokers && { kafkaBrokers: this.config.kafkaBrokers }), ports: this.config.ports });
    const messaging = this.config.kafkaBrokers ? `Kafka at ${this.config.kafkaBrokers.join(',')}` : 'the embedded bus (PostgreSQL)';
    const database = `${this.database ? 'embedded ' : ''}PostgreSQL ${redactPassword(databaseUrl)}`;
    servicesBanner(this.config.ports, database, messaging, (Date.now() - started) / 1000).forEach((line) => this.say(line));
    const plan = this.config.demoData ? demoPlan(process.env) : undefined;
    if (plan) await this.seed(`${gateway}/api/v1`, plan);
    if (this.stopping) return;
    readyBanner(this.config.ports.gateway, plan?.accounts, Boolean(process.env.ADMIN_EMAIL)).forEach((line) => this.say(line));
  }

  /** The seed's own progress stays readable: the services' info lines are held back meanwhile. A failed seed leaves a running marketplace. */
  private async seed(apiUrl: string, plan: ReturnType<typeof demoPlan>): Promise<void> {
    this.output.holdBack(true);
    try {
      await seedDemo({ apiUrl, dataDir: this.config.dataDir, plan, log: (line) => this.say(line) });
      // Notifications sends the seed's emails a moment later; the banner should not drown in them.
      await this.output.quiet(1000, 15_000);
    } catch (error) {
      if (!this.stopping) this.say(`the demo data could not be seeded: ${(error as Error).message}; the next start tries again`, 'warn');
    } finally {
      const held = this.output.holdBack(false);
      if (held > 0) this.say(`(${held} info lines of the services were held back meanwhile)`);
    }
  }

  /** Stops every service, then PostgreSQL, then exits. A second signal while stopping kills the services. */
  stop(exitCode: number): Promise<void> {
    if (this.stopping) {
      this.say('stopping now');
      for (const service of this.services) service.kill();
      return this.stopping;
    }
    this.say('stopping the services ...');
    this.stopping = (async () => {
      await Promise.all(this.services.map((service) => service.stop(SERVICE_STOP_GRACE_MS)));
      await removeRuntimeFile(this.config.dataDir);
      if (this.database) {
        this.say('stopping PostgreSQL ...');
        await this.database.stop();
      }
      this.say('stopped');
      process.exit(exitCode);
    })();
    return this.stopping;
  }

  private fail(lines: string[]): Promise<void> {
    for (const line of lines) this.say(line, 'error');
    return this.stop(1);
  }

  private async prepareDatabase(): Promise<string> {
    if (this.config.databaseUrl) {
      this.say('using the PostgreSQL at DATABASE_URL');
      return this.config.databaseUrl;
    }
    const port = await this.embeddedPostgresPort();
    const dataDir = resolve(this.config.dataDir, 'postgres');
    this.database = new EmbeddedPostgres({ dataDir, port, log: (line) => this.output.line('postgres', START + 1, line) });
    this.say(`starting the embedded PostgreSQL on 127.0.0.1:${port} (data in ${dataDir})`);
    await this.database.start();
    await this.database.ensureDatabase(DATABASE_NAME);
    return this.database.url(DATABASE_NAME);
  }

  private async embeddedPostgresPort(): Promise<number> {
    const wanted = this.config.embeddedPgPort;
    if (wanted !== undefined) {
      if (!(await isPortFree(wanted))) throw new Error(`port ${wanted} (EMBEDDED_PG_PORT) is in use by another program: stop it or set EMBEDDED_PG_PORT=<another port>`);
      return wanted;
    }
    const port = await firstFreePort(5432, 100);
    if (port === undefined) throw new Error('no free port for PostgreSQL in 5432-5531; set EMBEDDED_PG_PORT');
    if (port !== 5432) this.say(`port 5432 is taken; the embedded PostgreSQL uses ${port} (set EMBEDDED_PG_PORT to choose)`);
    return port;
  }

  private spawn(name: ServiceName, index: number, databaseUrl: string, secrets: SharedSecrets): void {
    const service: ServiceProcess = new ServiceProcess({
      name,
      entry: resolve(REPO_ROOT, serviceMain(name)),
      env: serviceEnv(name, this.config, databaseUrl, secrets, process.env),
      output: (line, stream) => this.output.line(name, index, line, stream),
      onExit: (code, signal) => {
        if (this.stopping) return;
        const exit = signal ? `signal ${signal}` : `exit code ${code}`;
        const line = this.ready ? `${name} exited unexpectedly (${exit}); stopping everything` : startFailureLine(name, exit, service.lastError, portVariable(name));
        void this.fail([line]);
      },
    });
    this.services.push(service);
  }
}

async function describeReadiness(gateway: string): Promise<string> {
  try {
    const response = await fetch(`${gateway}/ready`, { signal: AbortSignal.timeout(5000) });
    return `${response.status} ${await response.text()}`;
  } catch (error) {
    return `no answer (${(error as Error).message})`;
  }
}

function redactPassword(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}
