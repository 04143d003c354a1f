/** How far one consumer group is behind on one topic, summed over the topic's partitions. */
export interface ConsumerGroupLag {
  group: string;
  topic: string;
  partitions: number;
  /** Messages published and not yet committed by the group (end offset minus committed offset). */
  lag: number;
  /** Members in the group right now (0: nobody consumes, the lag only grows). */
  members: number;
}

/** Sorted by group then topic, so that reports read the same every time. */
export function byGroupAndTopic(a: ConsumerGroupLag, b: ConsumerGroupLag): number {
  return a.group.localeCompare(b.group) || a.topic.localeCompare(b.topic);
}
