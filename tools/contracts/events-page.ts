import { ALL_TOPICS, dlqTopic, type EventDefinition, eventDefinitions, type EventType, exampleCloudEvent, marketplaceEvents } from '@marketplace/contracts';
import { deadLetterHeaders } from './dead-letter-docs';
import { readingTheTopics } from './reading-the-topics';
import { publisherOf, topicDescription } from './topic-docs';

/** Where the page links to, relative to docs/ (the page is docs/events.md). */
export const EVENTS_PAGE_LINKS = {
  schema: (type: string) => `events/schemas/${type}.json`,
  envelope: 'events/envelope.schema.json',
  asyncApi: 'asyncapi.yaml',
};

/** docs/events.md: the event catalogue, all an analyst needs to read the topics with any Kafka client. */
export function eventsPage(): string {
  return [
    '# Marketplace events',
    '',
    '<!-- Generated from libs/contracts by `npm run contracts:generate`; `npm run contracts:check` fails when it is stale. Do not edit. -->',
    '',
    'Every service publishes its integration events to Kafka. This page, the JSON Schemas in [events/schemas/](events/schemas/),',
    'the index of which types each topic carries [events/topics.json](events/topics.json) and the AsyncAPI 3.0 document',
    `[${EVENTS_PAGE_LINKS.asyncApi}](${EVENTS_PAGE_LINKS.asyncApi}) describe them completely: you never need`,
    'the service code to read a message.',
    '',
    ...messageRules(),
    ...topicTable(),
    '## Events',
    '',
    ...ALL_TOPICS.flatMap(topicEvents),
    ...deadLetters(),
    ...readingTheTopics(),
  ].join('\n');
}

function messageRules(): string[] {
  return [
    '## Messages',
    '',
    `- **Value**: a CloudEvents 1.0 structured JSON envelope ([schema](${EVENTS_PAGE_LINKS.envelope})): \`id\`, \`source\`, \`type\`,`,
    '  `specversion` (`1.0`), `time`, `subject`, `datacontenttype` (`application/json`), `data`, and optionally',
    '  `correlationid`, `causationid`, `traceparent`. `data` is a flat record of ids and values, validated by the',
    '  producer against the schema of its `type` before publishing; extra fields are never sent.',
    '- **Type and version**: `type` is `marketplace.<context>.<Event>.v<N>`. A changed event gets a new version,',
    '  that is a new `type` with its own schema; messages already written keep theirs, so match on `type`.',
    '- **Key**: the aggregate id (also the CloudEvent `subject`), so the events of one entity arrive in order.',
    '- **Headers**: `ce-type` (the `type`), `ce-id` (the `id`) and, when present, `traceparent` (W3C trace context).',
    '- **Money**: `{ "amount": <integer minor units, e.g. cents>, "currency": "<ISO 4217 code>" }`, never a float.',
    '- **Times**: ISO 8601 in UTC (`2026-03-01T12:00:00.000Z`). **Ids**: UUIDs when the marketplace issues them.',
    '- No passwords, password hashes or tokens appear in any event.',
    '',
  ];
}

function topicTable(): string[] {
  const definitions: readonly EventDefinition[] = eventDefinitions;
  return [
    '## Topics',
    '',
    'A deployment may set `KAFKA_TOPIC_PREFIX`: then every topic name below carries that prefix on the broker.',
    '',
    '| topic | published by | event types | contents | dead letters |',
    '|---|---|---|---|---|',
    ...ALL_TOPICS.map((topic) => {
      const count = definitions.filter((d) => d.topic === topic).length;
      return `| \`${topic}\` | ${publisherOf(topic)} | ${count} | ${topicDescription(topic)} | \`${dlqTopic(topic)}\` |`;
    }),
    '',
  ];
}

/** A table of the topic's events, then each event with its description and an example message. */
function topicEvents(topic: string): string[] {
  const onTopic = (eventDefinitions as readonly EventDefinition[]).filter((d) => d.topic === topic);
  return [
    `### \`${topic}\``,
    '',
    '| type | key (subject) | description |',
    '|---|---|---|',
    ...onTopic.map((d) => `| [\`${d.type}\`](${EVENTS_PAGE_LINKS.schema(d.type)}) | \`data.${d.aggregateId}\` | ${d.description}${superseded(d)} |`),
    '',
    ...onTopic.flatMap(eventExample),
  ];
}

function eventExample(definition: EventDefinition): string[] {
  return [
    `<details><summary>Example of <code>${definition.type}</code></summary>`,
    '',
    '```json',
    JSON.stringify(exampleCloudEvent(definition.type as EventType), null, 2),
    '```',
    '',
    '</details>',
    '',
  ];
}

/** Older versions stay on the topics (history is never rewritten); the services read them as the newest. */
function superseded(definition: EventDefinition): string {
  const latest = marketplaceEvents.latestVersionOf(definition.type as EventType);
  return latest === definition.type ? '' : ` Superseded by \`${latest}\`; older messages keep this version.`;
}

function deadLetters(): string[] {
  return [
    '## Dead-letter topics',
    '',
    'A consumer that cannot handle a message (it fails its schema, or its handler keeps failing after retries)',
    'copies it to `<topic>.dlq` unchanged, with its original key and headers plus:',
    '',
    '| header | meaning |',
    '|---|---|',
    ...deadLetterHeaders().map((h) => `| \`${h.header}\` | ${h.description} |`),
    '',
  ];
}
