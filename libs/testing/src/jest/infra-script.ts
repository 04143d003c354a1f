import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { ServiceScript } from './resolve-backend';

const run = promisify(execFile);
const INFRA_DIR = join(__dirname, '..', '..', '..', '..', 'infra');

export type InfraService = 'postgres' | 'pgvector' | 'kafka' | 'stripe-mock' | 'redis' | 'seaweedfs';

export class InfraScriptError extends Error {
  constructor(
    readonly service: InfraService,
    readonly command: string,
    readonly output: string,
  ) {
    super(`infra/${service}.sh ${command} failed: ${lastLines(output, 5)}`);
    this.name = 'InfraScriptError';
  }
}

/** One of the infra/ scripts, driven from Node: the same start/stop/status/env as on the command line. */
export class InfraScript implements ServiceScript {
  constructor(readonly service: InfraService) {}

  get path(): string {
    return `infra/${this.service}.sh`;
  }

  async isRunning(): Promise<boolean> {
    try {
      await this.exec('status');
      return true;
    } catch {
      return false;
    }
  }

  /** First starts can build or download (Maven, go install), hence the generous timeout. */
  async start(): Promise<void> {
    await this.exec('start', 15 * 60_000);
  }

  async stop(): Promise<void> {
    await this.exec('stop', 120_000);
  }

  /** The variables the script exports for the running service, e.g. { TEST_KAFKA_BROKERS: '127.0.0.1:9092' }. */
  async env(): Promise<Record<string, string>> {
    return parseExports(await this.exec('env'));
  }

  private async exec(command: string, timeout = 60_000): Promise<string> {
    try {
      const { stdout } = await run('bash', [join(INFRA_DIR, `${this.service}.sh`), command], { timeout, maxBuffer: 16 * 1024 * 1024 });
      return stdout;
    } catch (error) {
      const failure = error as { stdout?: string; stderr?: string; message: string };
      throw new InfraScriptError(this.service, command, [failure.stderr, failure.stdout, failure.message].filter(Boolean).join('\n'));
    }
  }
}

/** Parses the `export NAME=value` lines the scripts print (values never need shell quoting). */
export function parseExports(text: string): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const match = /^export ([A-Z_][A-Z0-9_]*)=(.*)$/.exec(line.trim());
    if (match) vars[match[1]] = match[2].replace(/^'(.*)'$/, '$1');
  }
  return vars;
}

function lastLines(text: string, count: number): string {
  return text.trim().split('\n').slice(-count).join(' | ');
}
