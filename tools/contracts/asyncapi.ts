import {
  dlqTopic,
  type EventDefinition,
  type EventType,
  eventDefinitions,
  exampleCloudEvent,
  TOPICS,
} from '@marketplace/contracts';
import { deadLetterHeaders } from './dead-letter-docs';
import { eventMessageSchema, type JsonSchema } from './event-schemas';
import { publisherOf, topicDescription } from './topic-docs';

const KAFKA_BINDING_VERSION = '0.5.0';
const DEAD_LETTER = 'DeadLetter';

/**
 * The AsyncAPI 3.0 description of every topic, its dead-letter topic and every event type. Channel and
 * operation ids are the TOPICS keys (ids allow no dots); addresses are the topic names.
 */
export function asyncApiDocument(): Record<string, unknown> {
  const definitions: readonly EventDefinition[] = eventDefinitions;
  const channels: Record<string, unknown> = {};
  const operations: Record<string, unknown> = {};
  for (const [id, topic] of Object.entries(TOPICS)) {
    const onTopic = definitions.filter((definition) => definition.topic === topic);
    channels[id] = {
      address: topic,
      title: topic,
      description: topicDescription(topic),
      messages: Object.fromEntries(onTopic.map((d) => [d.type, { $ref: `#/components/messages/${d.type}` }])),
      bindings: { kafka: { topic, bindingVersion: KAFKA_BINDING_VERSION } },
    };
    channels[`${id}Dlq`] = {
      address: dlqTopic(topic),
      title: dlqTopic(topic),
      description: `Messages from ${topic} that a consumer could not handle: invalid ones at once, failing ones after their retries.`,
      messages: { [DEAD_LETTER]: { $ref: `#/components/messages/${DEAD_LETTER}` } },
      bindings: { kafka: { topic: dlqTopic(topic), bindingVersion: KAFKA_BINDING_VERSION } },
    };
    operations[`publish${capitalized(id)}`] = {
      action: 'send',
      channel: { $ref: `#/channels/${id}` },
      summary: `The ${publisherOf(topic)} service publishes its events, keyed by aggregate id.`,
      messages: onTopic.map((d) => ({ $ref: `#/channels/${id}/messages/${d.type}` })),
    };
    operations[`deadLetter${capitalized(id)}`] = {
      action: 'send',
      channel: { $ref: `#/channels/${id}Dlq` },
      summary: `A consumer of ${topic} parks a message it gave up on.`,
      messages: [{ $ref: `#/channels/${id}Dlq/messages/${DEAD_LETTER}` }],
    };
  }
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Marketplace events',
      version: '1.0.0',
      description: [
        'Integration events of the marketplace on Kafka. Every message value is a CloudEvents 1.0 structured JSON',
        'envelope whose `type` names the event and its version (`marketplace.<context>.<Event>.v<N>`); the key is the',
        'aggregate id (also the CloudEvent `subject`), so the events of one entity stay in order.',
        'Money is integer minor units with an ISO 4217 currency; times are ISO 8601 UTC.',
        'Generated from libs/contracts by `npm run contracts:generate`; do not edit.',
      ].join('\n'),
    },
    defaultContentType: 'application/json',
    servers: {
      local: {
        host: '127.0.0.1:9092',
        protocol: 'kafka',
        description: 'The broker of `npm run infra:up`; elsewhere the brokers in KAFKA_BROKERS.',
      },
    },
    channels,
    operations,
    components: {
      messages: {
        ...Object.fromEntries(definitions.map((definition) => [definition.type, eventMessage(definition)])),
        [DEAD_LETTER]: deadLetterMessage(),
      },
    },
  };
}

function eventMessage(definition: EventDefinition): Record<string, unknown> {
  const example = exampleCloudEvent(definition.type as EventType);
  return {
    name: definition.type,
    title: `${definition.name} v${definition.version}`,
    summary: definition.description,
    contentType: 'application/json',
    headers: {
      type: 'object',
      properties: {
        'ce-type': { type: 'string', const: definition.type, description: 'The CloudEvent type, to route without parsing the value' },
        'ce-id': { type: 'string', description: 'The CloudEvent id' },
        traceparent: { type: 'string', description: 'W3C trace context of the producing request' },
      },
      required: ['ce-type', 'ce-id'],
    },
    payload: withoutDialect(eventMessageSchema(definition, 'draft-7')),
    bindings: {
      kafka: {
        key: { type: 'string', description: `The aggregate id: data.${definition.aggregateId}` },
        bindingVersion: KAFKA_BINDING_VERSION,
      },
    },
    examples: [
      {
        name: definition.name,
        headers: { 'ce-type': example.type, 'ce-id': example.id, traceparent: example.traceparent },
        payload: example,
      },
    ],
  };
}

function deadLetterMessage(): Record<string, unknown> {
  const headers = deadLetterHeaders();
  return {
    name: DEAD_LETTER,
    title: 'Dead letter',
    summary: 'The original message, byte for byte, with its original key and headers plus dlq-* headers saying why it failed.',
    headers: {
      type: 'object',
      properties: Object.fromEntries(headers.map((h) => [h.header, { type: 'string', description: h.description }])),
      required: headers.filter((h) => h.always).map((h) => h.header),
    },
    payload: { description: 'The original message value as received; it may not be valid JSON or a valid event.' },
    bindings: {
      kafka: { key: { type: 'string', description: 'The original key' }, bindingVersion: KAFKA_BINDING_VERSION },
    },
  };
}

function capitalized(text: string): string {
  return text[0].toUpperCase() + text.slice(1);
}

/** AsyncAPI payloads are read as AsyncAPI Schema (a JSON Schema draft-07 superset), so the draft marker goes. */
function withoutDialect(schema: JsonSchema): JsonSchema {
  const { $schema: _dialect, ...rest } = schema;
  return rest;
}
