import type { Pool } from 'pg';
import type { BusLogger, RedeliveryPolicy } from '../bus-support';
import type { BusTables } from './bus-tables';
import type { EmbeddedTuning } from './embedded-tuning';
import type { MessageNotifier } from './message-notifier';

/** What the embedded bus's producers and consumers share. */
export interface EmbeddedContext {
  pool: Pool;
  tables: BusTables;
  notifier: MessageNotifier;
  tuning: EmbeddedTuning;
  redelivery: RedeliveryPolicy;
  logger: BusLogger;
  /** Resolves once the schema exists. */
  ready(): Promise<void>;
  /** Partition count of each topic, creating the missing ones with the default count. */
  partitionCounts(topics: string[]): Promise<Map<string, number>>;
}
