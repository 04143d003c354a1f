import { errorFields, redeliveryDelay } from '../bus-support';
import type { ConsumerOptions, IncomingMessage, TopicPartition } from '../port';
import { withTraceparent } from '../tracing';
import { abortableDelay } from './abortable-delay';
import type { EmbeddedContext } from './embedded-context';

interface MessageRow {
  offset: string;
  key: string;
  value: Buffer;
  headers: Record<string, string>;
}

export interface PartitionReaderOptions {
  tp: TopicPartition;
  /** Offset of the first message to hand over (the group's committed offset). */
  from: bigint;
  /** One of the two, as the consumer was given (see ConsumerOptions). */
  onMessage?: ConsumerOptions['onMessage'];
  onBatch?: ConsumerOptions['onBatch'];
  /** Records `next` as the group's offset; false when this member no longer holds the partition. */
  commit: (next: bigint) => Promise<boolean>;
}

/** What handing over the rows of one read did: how far the partition got, and whether it is still ours. */
interface Progress {
  /** Offset after the last message handled (and committed); unchanged when none was. */
  position: bigint;
  held: boolean;
  /** Set when a handler (or a commit) failed at `position`: wait, then read from there again. */
  failed?: unknown;
}

/**
 * Hands one partition's messages over in offset order: to onMessage one at a time, committing each
 * after its handler resolved, or to onBatch as the rows of one read, committing once after it resolved
 * (or what it resolved, when it rejects). A failed handler (or commit) keeps the position and hands the
 * same message over again after the redelivery backoff; losing the partition ends the reader without
 * committing anything more.
 */
export class PartitionReader {
  readonly done: Promise<void>;
  private readonly stopping = new AbortController();

  constructor(
    private readonly ctx: EmbeddedContext,
    private readonly options: PartitionReaderOptions,
  ) {
    this.done = this.run();
  }

  /** Resolves once the message (or batch) in hand, if any, is handled and committed. */
  stop(): Promise<void> {
    this.stopping.abort();
    return this.done;
  }

  private async run(): Promise<void> {
    const { tp } = this.options;
    const { notifier, tuning, redelivery, logger } = this.ctx;
    const signal = this.stopping.signal;
    let position = this.options.from;
    let failures = 0;
    while (!signal.aborted) {
      const seen = notifier.generation(tp.topic);
      let rows: MessageRow[];
      try {
        rows = await this.read(position);
      } catch (error) {
        logger('warn', 'embedded bus: reading a partition failed; retrying', { ...tp, ...errorFields(error) });
        await abortableDelay(tuning.pollMs, signal);
        continue;
      }
      if (rows.length === 0) {
        await notifier.wait(tp.topic, seen, tuning.pollMs, signal);
        continue;
      }
      const messages = rows.map((row) => ({ topic: tp.topic, partition: tp.partition, offset: row.offset, key: row.key, value: row.value, headers: row.headers }));
      const progress = this.options.onBatch ? await this.handOverBatch(messages, position) : await this.handOverEach(messages, position);
      if (progress.position !== position) failures = 0;
      position = progress.position;
      if (!progress.held) {
        logger('info', 'embedded bus: partition taken over by another member', { ...tp });
        return;
      }
      if (progress.failed !== undefined) {
        failures += 1;
        const delayMs = redeliveryDelay(redelivery, failures);
        logger('warn', 'embedded bus: message not handled; it will be delivered again', { ...tp, offset: position.toString(), attempt: failures, delayMs, ...errorFields(progress.failed) });
        await abortableDelay(delayMs, signal);
      }
    }
  }

  private async handOverEach(messages: IncomingMessage[], from: bigint): Promise<Progress> {
    const { onMessage, commit } = this.options as Required<Pick<PartitionReaderOptions, 'onMessage' | 'commit'>>;
    const signal = this.stopping.signal;
    let position = from;
    for (const message of messages) {
      if (signal.aborted) break;
      let held: boolean;
      try {
        // No client instrumentation here (kafkajs has one): the handler continues the sender's trace.
        await withTraceparent(message.headers.traceparent, () => onMessage(message));
        held = await commit(BigInt(message.offset) + 1n);
      } catch (error) {
        return { position, held: true, failed: error };
      }
      if (!held) return { position, held: false };
      position = BigInt(message.offset) + 1n;
    }
    return { position, held: true };
  }

  private async handOverBatch(messages: IncomingMessage[], from: bigint): Promise<Progress> {
    const { onBatch, commit, tp } = this.options as Required<Pick<PartitionReaderOptions, 'onBatch' | 'commit' | 'tp'>>;
    const signal = this.stopping.signal;
    let resolved: bigint | undefined;
    let failed: unknown;
    try {
      await onBatch({
        ...tp,
        messages,
        resolveOffset: (offset) => void (resolved = BigInt(offset)),
        // The consumer's own heartbeat renews the lease, whatever the readers are doing.
        heartbeat: async () => undefined,
        isActive: () => !signal.aborted,
      });
      resolved = BigInt(messages[messages.length - 1].offset);
    } catch (error) {
      failed = error;
    }
    if (resolved === undefined) return { position: from, held: true, failed };
    try {
      if (!(await commit(resolved + 1n))) return { position: from, held: false };
    } catch (error) {
      return { position: from, held: true, failed: error };
    }
    return { position: resolved + 1n, held: true, failed };
  }

  private async read(from: bigint): Promise<MessageRow[]> {
    const { pool, tables: t, tuning } = this.ctx;
    const { rows } = await pool.query<MessageRow>(
      // Ordered by the bigint column (m."offset"), not by its text rendering in the select list.
      `SELECT m."offset"::text AS "offset", m.key, m.value, m.headers FROM ${t.messages} m
       WHERE m.topic = $1 AND m.partition = $2 AND m."offset" >= $3 ORDER BY m."offset" LIMIT $4`,
      [this.options.tp.topic, this.options.tp.partition, from.toString(), tuning.batchSize],
    );
    return rows;
  }
}
