import { compareTopicPartitions, errorFields, topicPartitionKey } from '../bus-support';
import type { Consumer, ConsumerOptions, TopicPartition } from '../port';
import { abortableDelay } from './abortable-delay';
import { partitionsFor, type GroupMember } from './assign-partitions';
import type { EmbeddedContext } from './embedded-context';
import { PartitionReader } from './partition-reader';

/**
 * One member of a consumer group on the embedded bus. Every heartbeat it renews its lease, reads the
 * live members, computes the split every member computes (partitionsFor), lets go of partitions that
 * are now someone else's once their message (or batch) in hand is done, and claims its own as they become free
 * (released, or their holder's lease expired). A partition is read by at most one member at a time:
 * a claim and a commit only succeed for the member recorded as its holder.
 */
export class EmbeddedConsumer implements Consumer {
  private readonly stopping = new AbortController();
  private readonly readers = new Map<string, { tp: TopicPartition; reader: PartitionReader }>();
  private readonly draining = new Map<string, Promise<void>>();
  private heartbeats?: Promise<void>;
  private stopped?: Promise<void>;
  private reported?: string;

  constructor(
    private readonly ctx: EmbeddedContext,
    private readonly memberId: string,
    private readonly options: ConsumerOptions,
  ) {}

  async start(): Promise<void> {
    await this.ctx.notifier.start();
    await this.ctx.partitionCounts(this.options.topics);
    await this.tick();
    this.heartbeats = this.beat();
  }

  stop(): Promise<void> {
    this.stopped ??= this.leave();
    return this.stopped;
  }

  private async leave(): Promise<void> {
    this.stopping.abort();
    await this.heartbeats;
    await Promise.all([...this.readers.values()].map(({ reader }) => reader.stop()));
    this.readers.clear();
    await Promise.all(this.draining.values());
    const { pool, tables: t } = this.ctx;
    // Leave the group at once rather than letting the lease run out, so others take over now.
    await pool.query(`UPDATE ${t.groupPartitions} SET owner = NULL, lease_until = NULL WHERE group_id = $1 AND owner = $2`, [this.options.groupId, this.memberId]);
    await pool.query(`DELETE FROM ${t.groupMembers} WHERE group_id = $1 AND member_id = $2`, [this.options.groupId, this.memberId]);
    this.report();
  }

  private async beat(): Promise<void> {
    const signal = this.stopping.signal;
    while (!signal.aborted) {
      await abortableDelay(this.ctx.tuning.heartbeatMs, signal);
      if (signal.aborted) return;
      try {
        await this.tick();
      } catch (error) {
        this.ctx.logger('warn', 'embedded bus: consumer heartbeat failed', { groupId: this.options.groupId, memberId: this.memberId, ...errorFields(error) });
      }
    }
  }

  private async tick(): Promise<void> {
    const { pool, tables: t, tuning } = this.ctx;
    const { groupId, topics, fromBeginning = true } = this.options;
    const lease = tuning.leaseMs;
    await pool.query(
      `INSERT INTO ${t.groupMembers} (group_id, member_id, topics, lease_until)
       VALUES ($1, $2, $3::text[], clock_timestamp() + $4 * interval '1 millisecond')
       ON CONFLICT (group_id, member_id) DO UPDATE SET topics = EXCLUDED.topics, lease_until = EXCLUDED.lease_until`,
      [groupId, this.memberId, topics, lease],
    );
    // New partitions of a new group start at the beginning, or at the current end.
    await pool.query(
      `INSERT INTO ${t.groupPartitions} (group_id, topic, partition, committed_offset)
       SELECT $1, topic, partition, CASE WHEN $3::boolean THEN 0 ELSE next_offset END FROM ${t.partitions} WHERE topic = ANY($2::text[])
       ON CONFLICT DO NOTHING`,
      [groupId, topics, fromBeginning],
    );
    const held = await pool.query<TopicPartition>(
      `UPDATE ${t.groupPartitions} SET lease_until = clock_timestamp() + $3 * interval '1 millisecond'
       WHERE group_id = $1 AND owner = $2 RETURNING topic, partition`,
      [groupId, this.memberId, lease],
    );
    const heldKeys = new Set(held.rows.map(topicPartitionKey));
    for (const [key, { reader }] of this.readers) {
      if (!heldKeys.has(key)) {
        // Our lease ran out and another member claimed it: stop without committing more.
        this.readers.delete(key);
        this.draining.set(key, reader.stop().then(() => void this.draining.delete(key)));
      }
    }

    const members = await pool.query<{ member_id: string; topics: string[] }>(
      `SELECT member_id, topics FROM ${t.groupMembers} WHERE group_id = $1 AND lease_until > clock_timestamp()`,
      [groupId],
    );
    const partitions = await pool.query<TopicPartition>(`SELECT topic, partition FROM ${t.groupPartitions} WHERE group_id = $1 AND topic = ANY($2::text[])`, [groupId, topics]);
    const live: GroupMember[] = members.rows.map((r) => ({ memberId: r.member_id, topics: r.topics }));
    const wanted = partitionsFor(this.memberId, live, partitions.rows);
    const wantedKeys = new Set(wanted.map(topicPartitionKey));

    for (const [key, { tp }] of this.readers) {
      if (!wantedKeys.has(key)) this.release(key, tp);
    }
    for (const tp of wanted) {
      const key = topicPartitionKey(tp);
      if (this.readers.has(key) || this.draining.has(key) || this.stopping.signal.aborted) continue;
      await this.claim(key, tp);
    }
    this.report();
  }

  private async claim(key: string, tp: TopicPartition): Promise<void> {
    const { pool, tables: t, tuning } = this.ctx;
    const { groupId, onMessage, onBatch } = this.options;
    const { rows } = await pool.query<{ committed_offset: string }>(
      `UPDATE ${t.groupPartitions} SET owner = $4, lease_until = clock_timestamp() + $5 * interval '1 millisecond'
       WHERE group_id = $1 AND topic = $2 AND partition = $3 AND (owner IS NULL OR owner = $4 OR lease_until <= clock_timestamp())
       RETURNING committed_offset::text`,
      [groupId, tp.topic, tp.partition, this.memberId, tuning.leaseMs],
    );
    if (rows.length === 0) return; // still held by a live member; it lets go on its next heartbeat
    const commit = async (next: bigint) => {
      const result = await pool.query(
        `UPDATE ${t.groupPartitions} SET committed_offset = $4 WHERE group_id = $1 AND topic = $2 AND partition = $3 AND owner = $5`,
        [groupId, tp.topic, tp.partition, next.toString(), this.memberId],
      );
      return result.rowCount === 1;
    };
    this.readers.set(key, { tp, reader: new PartitionReader(this.ctx, { tp, from: BigInt(rows[0].committed_offset), onMessage, onBatch, commit }) });
  }

  /** Hands a partition back once its message in hand is done; the heartbeat goes on meanwhile. */
  private release(key: string, tp: TopicPartition): void {
    const entry = this.readers.get(key);
    if (!entry) return;
    this.readers.delete(key);
    const { pool, tables: t } = this.ctx;
    const released = entry.reader
      .stop()
      .then(() =>
        pool.query(`UPDATE ${t.groupPartitions} SET owner = NULL, lease_until = NULL WHERE group_id = $1 AND topic = $2 AND partition = $3 AND owner = $4`, [
          this.options.groupId,
          tp.topic,
          tp.partition,
          this.memberId,
        ]),
      )
      .catch((error) => this.ctx.logger('warn', 'embedded bus: releasing a partition failed; its lease will expire', { ...tp, ...errorFields(error) }))
      .then(() => {
        this.draining.delete(key);
      });
    this.draining.set(key, released);
  }

  private report(): void {
    const assigned = [...this.readers.values()].map(({ tp }) => tp).sort(compareTopicPartitions);
    const signature = assigned.map(topicPartitionKey).join(',');
    if (signature === this.reported) return;
    this.reported = signature;
    this.options.onAssignment?.(assigned);
  }
}
