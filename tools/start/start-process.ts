import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { repoRoot, waitFor } from '@marketplace/testing';

/** `npm start`'s compiled main as a user runs it (what `npm start` execs after building), its JSON lines kept. */
export class StartProcess {
  readonly messages: string[] = [];
  private readonly child: ChildProcess;
  readonly exited: Promise<number | null>;

  constructor(env: NodeJS.ProcessEnv) {
    this.child = spawn(process.execPath, [join(repoRoot(), 'dist', 'tools', 'start', 'main.js')], { cwd: repoRoot(), env, stdio: ['ignore', 'pipe', 'inherit'] });
    this.exited = new Promise((done) => this.child.once('exit', (code) => done(code)));
    if (this.child.stdout) createInterface({ input: this.child.stdout }).on('line', (line) => this.messages.push(messageOf(line)));
  }

  /** Waits for a line of `npm start` itself matching `pattern`; fails early if it exits. */
  async line(pattern: RegExp, timeoutMs: number): Promise<string> {
    return waitFor(
      () => {
        if (this.child.exitCode !== null) throw new Error(`npm start exited (${this.child.exitCode}):\n${this.messages.slice(-30).join('\n')}`);
        return this.messages.find((message) => pattern.test(message));
      },
      { timeoutMs, intervalMs: 100, description: `npm start to print ${pattern}` },
    );
  }

  async interrupt(): Promise<number | null> {
    this.child.kill('SIGINT');
    return this.exited;
  }

  kill(): void {
    if (this.child.exitCode === null) this.child.kill('SIGKILL');
  }
}

function messageOf(line: string): string {
  try {
    return String((JSON.parse(line) as { msg?: unknown }).msg ?? line);
  } catch {
    return line;
  }
}
