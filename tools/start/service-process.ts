import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { serviceNodeOptions } from '@marketplace/platform';
import { errorFromLine, type LastError } from './start-failure';

export interface ServiceProcessOptions {
  name: string;
  /** The compiled main, e.g. dist/apps/catalog/src/main.js. */
  entry: string;
  env: NodeJS.ProcessEnv;
  /** Receives each line the service writes, as written. */
  output: (line: string, stream: 'stdout' | 'stderr') => void;
  /** Called once when the process ends, whether asked to or not. */
  onExit: (code: number | null, signal: NodeJS.Signals | null) => void;
}

/**
 * One service as its own OS process. It runs in its own process group (Ctrl-C in the terminal reaches
 * only the supervisor, which then stops the services in order) and with an IPC channel, which the
 * platform's bootstrap watches: if the supervisor dies, the service stops too.
 */
export class ServiceProcess {
  private readonly child: ChildProcess;
  private readonly exited: Promise<void>;
  /** The last error it wrote: what a person needs when it dies while starting. */
  lastError?: LastError;

  constructor(private readonly options: ServiceProcessOptions) {
    const env = { ...options.env, NODE_OPTIONS: serviceNodeOptions(options.env.NODE_OPTIONS) };
    this.child = spawn(process.execPath, [options.entry], { env, detached: true, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
    this.readLines(this.child.stdout, 'stdout');
    this.readLines(this.child.stderr, 'stderr');
    this.exited = new Promise((done) => {
      // 'close', not 'exit': the last lines of its output are read by then.
      this.child.once('close', (code, signal) => {
        options.onExit(code, signal);
        done();
      });
    });
    this.child.once('error', (error) => options.output(`could not start: ${error.message}`, 'stderr'));
  }

  get name(): string {
    return this.options.name;
  }

  /** Asks for a graceful stop (SIGTERM); kills it if it has not exited within `graceMs`. */
  async stop(graceMs: number): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
    await this.exited;
    clearTimeout(timer);
  }

  kill(): void {
    this.child.kill('SIGKILL');
  }

  private readLines(stream: Readable | null, name: 'stdout' | 'stderr'): void {
    if (!stream) return;
    createInterface({ input: stream, crlfDelay: Infinity }).on('line', (line) => {
      this.lastError = errorFromLine(line, name) ?? this.lastError;
      this.options.output(line, name);
    });
  }
}
