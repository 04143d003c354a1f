import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { waitFor } from '../wait-for';
import { repoRoot } from './repo-root';

export interface ServiceProcessOptions {
  /** The app under dist/apps/, e.g. `identity`, or `ops` (the ops server). */
  app: string;
  env: NodeJS.ProcessEnv;
  port: number;
  /** A label for the log file, e.g. the suite's name. */
  label?: string;
  /** Resolves true when the service can take requests; default: GET /ready answers 200. */
  isReady?: (baseUrl: string) => Promise<boolean>;
  readyTimeoutMs?: number;
}

/**
 * SERVICE_NODE_OPTIONS of @marketplace/platform, which this library may not import: the services run here
 * with the options they run with under `npm start` and in the image (tools/start/service-node-options.spec.ts
 * holds the copies equal).
 */
export const SERVICE_NODE_OPTIONS = '--max-semi-space-size=2';

/**
 * The compiled main of an app: `serviceMain` of @marketplace/platform, which this library may not import
 * (the apps under dist/apps/, the ops server under dist/tools/).
 */
export function serviceMain(app: string): string {
  return app === 'ops' ? 'dist/tools/ops/server/main.js' : `dist/apps/${app}/src/main.js`;
}

export class ServiceStartError extends Error {
  override readonly name = 'ServiceStartError';
}

/** Lines kept from the end of a log when it is shown in an error. */
const TAIL_LINES = 60;

/**
 * A compiled app (`node dist/apps/<app>/src/main.js`) as its own OS process, its output in a file
 * under .data/test-logs/. It runs with an IPC channel, which the platform's bootstrap watches: if the
 * test runner dies, the service stops too.
 */
export class ServiceProcess {
  readonly baseUrl: string;
  readonly logFile: string;
  private readonly child: ChildProcess;
  private readonly exited: Promise<void>;
  private stopping = false;

  private constructor(private readonly options: ServiceProcessOptions) {
    const root = repoRoot();
    const logDir = join(root, '.data', 'test-logs');
    mkdirSync(logDir, { recursive: true });
    this.logFile = join(logDir, `${options.label ? `${options.label}-` : ''}${options.app}-${Date.now()}-${options.port}.log`);
    this.baseUrl = `http://127.0.0.1:${options.port}`;
    const log = openSync(this.logFile, 'a');
    try {
      this.child = spawn(process.execPath, [join(root, serviceMain(options.app))], {
        cwd: root,
        // The caller's NODE_OPTIONS (a profiler, say) come after the services' own, and win.
        env: { ...options.env, NODE_OPTIONS: [SERVICE_NODE_OPTIONS, options.env.NODE_OPTIONS].filter(Boolean).join(' ') },
        stdio: ['ignore', log, log, 'ipc'],
      });
    } finally {
      closeSync(log);
    }
    this.exited = new Promise((done) => this.child.once('exit', () => done()));
    this.child.once('error', () => undefined);
  }

  /** Starts the app and waits until it is ready; on failure it is stopped and the error carries its log's tail. */
  static async start(options: ServiceProcessOptions): Promise<ServiceProcess> {
    const service = new ServiceProcess(options);
    const isReady = options.isReady ?? ((url: string) => answers200(`${url}/ready`));
    const died = service.exited.then(() => {
      throw new ServiceStartError(`${options.app} exited (${service.exitDescription()})`);
    });
    try {
      await Promise.race([
        died,
        waitFor(() => isReady(service.baseUrl), {
          timeoutMs: options.readyTimeoutMs ?? 60_000,
          intervalMs: 200,
          description: `${options.app} at ${service.baseUrl} to be ready`,
        }),
      ]);
    } catch (error) {
      await service.stop();
      throw new ServiceStartError(`${options.app} did not become ready: ${(error as Error).message}\n${service.describeLog()}`);
    }
    return service;
  }

  get name(): string {
    return this.options.app;
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  hasExited(): boolean {
    return this.child.exitCode !== null || this.child.signalCode !== null;
  }

  /** True when it died without being asked to stop. */
  diedUnexpectedly(): boolean {
    return this.hasExited() && !this.stopping;
  }

  /** The options it was started with, to start it again after a kill. */
  get startOptions(): ServiceProcessOptions {
    return this.options;
  }

  /** SIGKILL at once, as a crash would end it: no shutdown hook runs. Resolves once it has exited. */
  async kill(): Promise<void> {
    this.stopping = true;
    if (this.hasExited()) return;
    this.child.kill('SIGKILL');
    await this.exited;
  }

  /** SIGTERM, then SIGKILL if it has not exited within `graceMs`. */
  async stop(graceMs = 10_000): Promise<void> {
    this.stopping = true;
    if (this.hasExited()) return;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
    await this.exited;
    clearTimeout(timer);
  }

  /** The log's path and its last lines, for an error message. */
  describeLog(lines = TAIL_LINES): string {
    let text = '';
    try {
      text = readFileSync(this.logFile, 'utf8');
    } catch {
      // not written yet
    }
    const tail = text.trimEnd().split('\n').slice(-lines).join('\n');
    return `--- ${this.options.app} log (${this.logFile}), last ${lines} lines ---\n${tail || '(empty)'}`;
  }

  private exitDescription(): string {
    return this.child.signalCode ? `signal ${this.child.signalCode}` : `exit code ${this.child.exitCode}`;
  }
}

export async function answers200(url: string): Promise<boolean> {
  const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
  await response.body?.cancel();
  return response.status === 200;
}
