import { ALL_TOPICS, dlqTopic, type EventDefinition, eventDefinitions } from '@marketplace/contracts';
import { publisherOf } from './topic-docs';

/**
 * docs/events/topics.json: which event types each topic carries, for tools that read the topics
 * (examples/python-consumer checks each message arrived on its type's topic) without parsing AsyncAPI.
 */
export function topicIndex(): Record<string, unknown> {
  const definitions: readonly EventDefinition[] = eventDefinitions;
  return {
    $comment: 'Generated from libs/contracts by `npm run contracts:generate`; do not edit.',
    topics: Object.fromEntries(
      ALL_TOPICS.map((topic) => [
        topic,
        { publisher: publisherOf(topic), deadLetterTopic: dlqTopic(topic), eventTypes: definitions.filter((d) => d.topic === topic).map((d) => d.type) },
      ]),
    ),
  };
}
