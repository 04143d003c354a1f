import type { TopicPartition } from '../port';

export function topicPartitionKey({ topic, partition }: TopicPartition): string {
  return `${topic}#${partition}`;
}

export function compareTopicPartitions(a: TopicPartition, b: TopicPartition): number {
  return a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : a.partition - b.partition;
}
