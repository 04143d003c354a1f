import { Injectable } from '@nestjs/common';

/** Resolves when the dependency is usable; a string it resolves to says how (shown instead of `ok`). */
export type ReadinessCheck = () => Promise<void | string>;

export type ReadinessReport = { ready: true; checks: Record<string, string> } | { ready: false; checks: Record<string, string>; failing: string[] };

/** The checks /ready runs: the database, the bus, and whatever a module adds for itself. */
@Injectable()
export class ReadinessRegistry {
  private readonly checks = new Map<string, ReadinessCheck>();

  register(name: string, check: ReadinessCheck): void {
    if (this.checks.has(name)) throw new Error(`Readiness check "${name}" is already registered`);
    this.checks.set(name, check);
  }

  /** Runs every check concurrently; a check that takes longer than `timeoutMs` fails. */
  async run(timeoutMs: number): Promise<ReadinessReport> {
    const entries = [...this.checks];
    const outcomes = await Promise.all(entries.map(([name, check]) => runCheck(name, check, timeoutMs)));
    const checks = Object.fromEntries(entries.map(([name], i) => [name, outcomes[i].message]));
    const failing = entries.filter((_, i) => !outcomes[i].passed).map(([name]) => name);
    return failing.length === 0 ? { ready: true, checks } : { ready: false, checks, failing };
  }
}

/** Whether the check passed, and what it said (`ok`, its description, or why it failed). */
async function runCheck(name: string, check: ReadinessCheck, timeoutMs: number): Promise<{ passed: boolean; message: string }> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${name} did not answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    const description = await Promise.race([check(), timeout]);
    return { passed: true, message: description || 'ok' };
  } catch (error) {
    return { passed: false, message: error instanceof Error && error.message ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}
