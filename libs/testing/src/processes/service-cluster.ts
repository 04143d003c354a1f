import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ClusterSecrets, clusterSecretsFor, newClusterSecrets } from './cluster-secrets';
import { freePort } from './free-port';
import { gatewayReadyWithout } from './gateway-readiness';
import { buildServiceEnv } from './service-env';
import { ServiceProcess } from './service-process';

export interface ServiceClusterOptions {
  /** Names the log files, e.g. the suite. */
  label: string;
  /** Every backend gets this database (each owns its own schema in it). */
  databaseUrl: string;
  kafkaBrokers?: string[];
  /**
   * The secrets identity and notifications share (the delivery key); fresh ones by default. Pass another
   * cluster's `secrets` when identity and notifications are started in two clusters.
   */
  secrets?: ClusterSecrets;
  /**
   * Backend apps to start, in order, each with its extra environment (which wins over the secrets) and its
   * port when it must be known beforehand (the ops server's, told to a gateway started before it); a free one otherwise.
   */
  backends: { app: string; env?: Record<string, string | undefined>; port?: number }[];
  /** Start the gateway last, routing to the backends; `absent` services get a port nothing listens on. */
  gateway?: { env?: Record<string, string | undefined>; absent: readonly string[] };
  readyTimeoutMs?: number;
}

/** Several apps as separate processes; stop() ends them in reverse order. */
export class ServiceCluster {
  private constructor(
    private readonly processes: ServiceProcess[],
    /** What identity and notifications were given, so a test can open identity's sealed links itself. */
    readonly secrets: ClusterSecrets,
  ) {}

  static async start(options: ServiceClusterOptions): Promise<ServiceCluster> {
    const cluster = new ServiceCluster([], options.secrets ?? newClusterSecrets());
    try {
      for (const backend of options.backends) {
        const port = backend.port ?? (await freePort());
        const extra = { ...clusterSecretsFor(backend.app, cluster.secrets), ...testMailDir(backend.app, options.label), ...backend.env };
        const env = buildServiceEnv({ name: backend.app, port, databaseUrl: options.databaseUrl, kafkaBrokers: options.kafkaBrokers, extra });
        cluster.processes.push(await ServiceProcess.start({ app: backend.app, env, port, label: options.label, readyTimeoutMs: options.readyTimeoutMs }));
      }
      if (options.gateway) {
        const { absent } = options.gateway;
        const serviceUrls = Object.fromEntries(cluster.processes.map((p) => [p.name, p.baseUrl]));
        const nowhere = `http://127.0.0.1:${await freePort()}`;
        for (const service of absent) serviceUrls[service] = nowhere;
        const port = await freePort();
        const env = buildServiceEnv({ name: 'gateway', port, serviceUrls, extra: options.gateway.env });
        cluster.processes.push(
          await ServiceProcess.start({
            app: 'gateway',
            env,
            port,
            label: options.label,
            readyTimeoutMs: options.readyTimeoutMs,
            isReady: (url) => gatewayReadyWithout(url, absent),
          }),
        );
      }
    } catch (error) {
      await cluster.stop();
      throw error;
    }
    return cluster;
  }

  url(app: string): string {
    return this.process(app).baseUrl;
  }

  process(app: string): ServiceProcess {
    const found = this.processes.find((p) => p.name === app);
    if (!found) throw new Error(`${app} is not part of this cluster (${this.processes.map((p) => p.name).join(', ')})`);
    return found;
  }

  /** Kills the app with SIGKILL (a crash: no graceful shutdown); `restart` brings it back. */
  async kill(app: string): Promise<void> {
    await this.process(app).kill();
  }

  /** Starts the app again with the same environment and port, and waits until it is ready. */
  async restart(app: string): Promise<void> {
    const previous = this.process(app);
    await previous.kill();
    const started = await ServiceProcess.start(previous.startOptions);
    this.processes[this.processes.indexOf(previous)] = started;
  }

  /** The apps that died without being asked to, with their logs: shown when a suite ends. */
  describeProblems(): string | undefined {
    const dead = this.processes.filter((p) => p.diedUnexpectedly());
    return dead.length === 0 ? undefined : dead.map((p) => `${p.name} died during the tests\n${p.describeLog()}`).join('\n');
  }

  describeLogs(): string {
    return this.processes.map((p) => p.describeLog()).join('\n');
  }

  async stop(): Promise<void> {
    for (const process of [...this.processes].reverse()) await process.stop();
  }
}

/** Mail a test's notifications service writes as files (no SMTP_URL) goes to the temp folder, not the repository's .data. */
function testMailDir(app: string, label: string): Record<string, string> {
  return app === 'notifications' ? { MAIL_DIR: join(tmpdir(), 'marketplace-test-mail', label) } : {};
}
