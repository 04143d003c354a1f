import { errorFields, redeliveryDelay } from '../bus-support';
import type { IncomingMessage, TopicPartition } from '../port';
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
  onMessage: (message: IncomingMessage) => Promise<void>;
  /** Records `next` as the group's offset; false when this member no longer holds the partition. */
  commit: (next: bigint) => Promise<boolean>;
}

/**
 * Hands one partition's messages to onMessage one at a time, in offset order, committing each after
 * its handler resolved. A failed handler (or commit) keeps the position and retries the same message
 * after the redelivery backoff; losing the partition ends the reader without committing anything more.
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

  /** Resolves once the message in hand (if any) is handled and committed. */
  stop(): Promise<void> {
    this.stopping.abort();
    return this.done;
  }

  private async run(): Promise<void> {
    const { tp, onMessage, commit } = this.options;
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
      for (const row of rows) {
        if (signal.aborted) return;
        let held: boolean;
        try {
          const message = { topic: tp.topic, partition: tp.partition, offset: row.offset, key: row.key, value: row.value, headers: row.headers };
          // No client instrumentation here (kafkajs has one): the handler continues the sender's trace.
          await withTraceparent(row.headers.traceparent, () => onMessage(message));
          held = await commit(BigInt(row.offset) + 1n);
        } catch (error) {
          failures += 1;
          const delayMs = redeliveryDelay(redelivery, failures);
          logger('warn', 'embedded bus: message not handled; it will be delivered again', { ...tp, offset: row.offset, attempt: failures, delayMs, ...errorFields(error) });
          await abortableDelay(delayMs, signal);
          break;
        }
        if (!held) {
          logger('info', 'embedded bus: partition taken over by another member', { ...tp });
          return;
        }
        failures = 0;
        position = BigInt(row.offset) + 1n;
      }
    }
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
