import { setTimeout as delay } from 'node:timers/promises';
import { Client, escapeIdentifier } from 'pg';
import { type BusLogger, errorFields } from '../bus-support/bus-logger';

/** What the one active instance works with while it holds the lock. */
export interface LeaderSession {
  /** The connection holding the lock: the leader's reads and writes go through it, so losing it stops them. */
  readonly client: Client;
  /** Aborted when the relay stops or the connection fails. */
  readonly signal: AbortSignal;
  /** Waits for a NOTIFY on the channel or `ms`, whichever is first; at once if one came since the last wait. */
  idle(ms: number): Promise<void>;
}

export interface LeaderLoopOptions {
  databaseUrl: string;
  /** Instances with the same lock name elect one leader among them. */
  lockName: string;
  /** LISTENed to while leading, to wake `idle` early. */
  channel?: string;
  /** Pause between tries for the lock, and after a failed session. */
  retryMs: number;
  logger: BusLogger;
  /** The leader's work: runs until `session.signal` is aborted; a throw ends the session, which is retried. */
  lead: (session: LeaderSession) => Promise<void>;
}

/**
 * Keeps one leader among the instances sharing a lock name: a session-level advisory lock on a
 * dedicated connection. The others wait and retry; when the leader's connection closes (stop, crash,
 * network), PostgreSQL frees the lock and one of them takes over.
 */
export class LeaderLoop {
  private readonly stopping = new AbortController();
  private running?: Promise<void>;
  private leading = false;

  constructor(private readonly options: LeaderLoopOptions) {}

  get isLeader(): boolean {
    return this.leading;
  }

  start(): void {
    this.running ??= this.loop();
  }

  async stop(): Promise<void> {
    this.stopping.abort();
    await this.running;
  }

  private async loop(): Promise<void> {
    const { logger, lockName, retryMs } = this.options;
    while (!this.stopping.signal.aborted) {
      try {
        await this.session();
      } catch (error) {
        logger('error', 'relay session failed; retrying', { lock: lockName, ...errorFields(error) });
      }
      await pause(retryMs, this.stopping.signal);
    }
  }

  private async session(): Promise<void> {
    const lost = new AbortController();
    const client = new Client({ connectionString: this.options.databaseUrl });
    client.on('error', (error) => lost.abort(error));
    const signal = AbortSignal.any([this.stopping.signal, lost.signal]);
    try {
      await client.connect();
      while (!(await tryLock(client, this.options.lockName))) {
        if (!(await pause(this.options.retryMs, signal))) return;
      }
      if (this.options.channel) await client.query(`listen ${escapeIdentifier(this.options.channel)}`);
      this.leading = true;
      this.options.logger('info', 'relay leading', { lock: this.options.lockName });
      await this.options.lead({ client, signal, idle: notifications(client, signal) });
      if (lost.signal.aborted) throw lost.signal.reason;
    } finally {
      this.leading = false;
      // Closing the connection also frees the advisory lock.
      await client.end().catch(() => undefined);
    }
  }
}

async function tryLock(client: Client, name: string): Promise<boolean> {
  const result = await client.query<{ locked: boolean }>(
    `select pg_try_advisory_lock(hashtext('marketplace.relay'), hashtext($1)) as locked`,
    [name],
  );
  return result.rows[0].locked;
}

/** Resolves true after `ms`, or false as soon as `signal` is aborted. */
async function pause(ms: number, signal: AbortSignal): Promise<boolean> {
  try {
    await delay(ms, undefined, { signal });
    return true;
  } catch {
    return false;
  }
}

function notifications(client: Client, signal: AbortSignal): (ms: number) => Promise<void> {
  let pending = false;
  let wake: (() => void) | undefined;
  client.on('notification', () => {
    pending = true;
    wake?.();
  });
  return (ms) => {
    if (pending || signal.aborted) {
      pending = false;
      return Promise.resolve();
    }
    return new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        wake = undefined;
        pending = false;
        resolve();
      };
      const timer = setTimeout(done, ms);
      signal.addEventListener('abort', done, { once: true });
      wake = done;
    });
  };
}
