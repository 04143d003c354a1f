import { Client } from 'pg';
import { errorFields, type BusLogger } from '../bus-support';
import { abortableDelay } from './abortable-delay';

const RECONNECT_DELAY_MS = 1_000;

/**
 * One LISTEN connection per bus that wakes the partition readers of a topic as soon as a write to it
 * commits. Readers also poll, so a lost connection only costs latency until it reconnects.
 */
export class MessageNotifier {
  private readonly generations = new Map<string, number>();
  private readonly waiters = new Map<string, Set<() => void>>();
  private readonly closing = new AbortController();
  private client?: Client;
  private started?: Promise<void>;

  constructor(
    private readonly connectionString: string,
    private readonly channel: string,
    private readonly logger: BusLogger,
  ) {}

  /** Connects on first use; later calls share the same connection. */
  start(): Promise<void> {
    this.started ??= this.connect();
    return this.started;
  }

  /** A counter that changes whenever `topic` gets new messages: read it before looking, pass it to wait(). */
  generation(topic: string): number {
    return this.generations.get(topic) ?? 0;
  }

  /** Resolves once `topic` has news since `seen`, after `timeoutMs`, or when `signal` aborts. */
  async wait(topic: string, seen: number, timeoutMs: number, signal: AbortSignal): Promise<void> {
    if (this.generation(topic) !== seen) return;
    const local = new AbortController();
    const wake = () => local.abort();
    const set = this.waiters.get(topic) ?? new Set();
    this.waiters.set(topic, set.add(wake));
    signal.addEventListener('abort', wake, { once: true });
    try {
      await abortableDelay(timeoutMs, local.signal);
    } finally {
      set.delete(wake);
      signal.removeEventListener('abort', wake);
    }
  }

  async close(): Promise<void> {
    this.closing.abort();
    await this.client?.end().catch(() => undefined);
    this.client = undefined;
  }

  private notify(topic: string): void {
    this.generations.set(topic, this.generation(topic) + 1);
    for (const wake of this.waiters.get(topic) ?? []) wake();
  }

  private async connect(): Promise<void> {
    const client = new Client({ connectionString: this.connectionString });
    client.on('notification', (n) => {
      if (n.channel === this.channel && n.payload) this.notify(n.payload);
    });
    client.on('error', (error) => {
      this.logger('warn', 'embedded bus: LISTEN connection failed; polling until it is back', errorFields(error));
      void this.reconnect(client);
    });
    await client.connect();
    if (this.closing.signal.aborted) {
      await client.end();
      return;
    }
    await client.query(`LISTEN "${this.channel}"`);
    this.client = client;
  }

  private async reconnect(failed: Client): Promise<void> {
    if (this.client !== failed) return;
    this.client = undefined;
    await failed.end().catch(() => undefined);
    while (!this.closing.signal.aborted) {
      await abortableDelay(RECONNECT_DELAY_MS, this.closing.signal);
      if (this.closing.signal.aborted) return;
      try {
        await this.connect();
        // Anything written while disconnected: wake every reader once.
        for (const topic of this.waiters.keys()) this.notify(topic);
        return;
      } catch (error) {
        this.logger('warn', 'embedded bus: LISTEN reconnect failed', errorFields(error));
      }
    }
  }
}
