import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';

export interface ServiceProcessOptions {
  name: string;
  /** The compiled main, e.g. dist/apps/catalog/src/main.js. */
  entry: string;
  env: NodeJS.ProcessEnv;
  /** Writes one line of the service's output, already prefixed. */
  output: (line: string) => void;
  prefix: string;
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

  constructor(private readonly options: ServiceProcessOptions) {
    this.child = spawn(process.execPath, [options.entry], { env: options.env, detached: true, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
    this.prefixLines(this.child.stdout);
    this.prefixLines(this.child.stderr);
    this.exited = new Promise((done) => {
      // 'close', not 'exit': the last lines of its output are read by then.
      this.child.once('close', (code, signal) => {
        options.onExit(code, signal);
        done();
      });
    });
    this.child.once('error', (error) => options.output(`${options.prefix} could not start: ${error.message}`));
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

  private prefixLines(stream: Readable | null): void {
    if (!stream) return;
    createInterface({ input: stream, crlfDelay: Infinity }).on('line', (line) => this.options.output(`${this.options.prefix} ${line}`));
  }
}
