import { compareTopicPartitions } from '../bus-support';
import type { TopicPartition } from '../port';

export interface GroupMember {
  memberId: string;
  topics: string[];
}

/**
 * The partitions `memberId` should hold: each topic's partitions dealt round-robin over the live
 * members subscribed to it, in a fixed order, so every member computes the same split on its own.
 */
export function partitionsFor(memberId: string, members: GroupMember[], partitions: TopicPartition[]): TopicPartition[] {
  const byId = [...members].sort((a, b) => (a.memberId < b.memberId ? -1 : a.memberId > b.memberId ? 1 : 0));
  const mine: TopicPartition[] = [];
  const dealt = new Map<string, number>();
  for (const tp of [...partitions].sort(compareTopicPartitions)) {
    const eligible = byId.filter((m) => m.topics.includes(tp.topic));
    if (eligible.length === 0) continue;
    const turn = dealt.get(tp.topic) ?? 0;
    dealt.set(tp.topic, turn + 1);
    if (eligible[turn % eligible.length].memberId === memberId) mine.push(tp);
  }
  return mine;
}
