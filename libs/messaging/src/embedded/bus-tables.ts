import { BusConfigurationError } from '../bus-support';

const IDENTIFIER = /^[a-z_][a-z0-9_]{0,47}$/;

/** Schema-qualified, quoted names of the embedded bus's tables, plus its NOTIFY channel. */
export interface BusTables {
  schema: string;
  topics: string;
  partitions: string;
  messages: string;
  groupMembers: string;
  groupPartitions: string;
  /** Channel on which a commit announces the topics it wrote to. */
  channel: string;
}

export function busTables(schema: string): BusTables {
  if (!IDENTIFIER.test(schema)) {
    throw new BusConfigurationError(`embedded bus schema ${JSON.stringify(schema)} must be a lower-case SQL identifier (a-z, 0-9, _)`);
  }
  const q = (table: string) => `"${schema}"."${table}"`;
  return {
    schema,
    topics: q('topics'),
    partitions: q('partitions'),
    messages: q('messages'),
    groupMembers: q('group_members'),
    groupPartitions: q('group_partitions'),
    channel: `${schema}_messages`,
  };
}
