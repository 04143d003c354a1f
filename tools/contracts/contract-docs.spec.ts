import { ALL_TOPICS, dlqTopic, eventTypes, parseCloudEvent } from '@marketplace/contracts';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { asyncApiDocument } from './asyncapi';
import { EVENTS_PAGE, renderContractDocs, SCHEMAS_DIR, TOPIC_INDEX } from './contract-docs';
import { findDrift } from './drift';

const repositoryRoot = join(__dirname, '..', '..');
const types = Object.keys(eventTypes);

interface Message {
  headers: { properties: Record<string, { const?: string }> };
  payload: { properties: { type: { const: string }; data: { required: string[] } }; examples: unknown[] };
  bindings: { kafka: { key: { description: string } } };
  examples: { headers: Record<string, string>; payload: unknown }[];
}

describe('generated contract documents', () => {
  const files = renderContractDocs();

  it('are committed as generated (run `npm run contracts:generate` if this fails)', () => {
    expect(findDrift(repositoryRoot, files, [SCHEMAS_DIR])).toEqual({ missing: [], changed: [], stale: [] });
  });

  it('hold one JSON Schema per event type plus the envelope, the AsyncAPI document and the event catalogue page', () => {
    expect(files.map((f) => f.path).sort()).toEqual(
      [
        ...types.map((type) => `${SCHEMAS_DIR}/${type}.json`),
        'docs/events/envelope.schema.json',
        TOPIC_INDEX,
        'docs/events.md',
        'docs/asyncapi.yaml',
      ].sort(),
    );
  });

  it('give each event schema its type as a constant and its example', () => {
    for (const type of types) {
      const file = files.find((f) => f.path === `${SCHEMAS_DIR}/${type}.json`);
      const schema = JSON.parse(file?.content ?? '{}');
      expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
      expect(schema.properties.type.const).toBe(type);
      expect(schema.properties.data.additionalProperties).toBe(false);
      expect(parseCloudEvent(schema.examples[0], { upcast: 'none' }).type).toBe(type);
    }
  });

  it('list every topic, and every event with its schema, description and example, on docs/events.md', () => {
    const page = files.find((f) => f.path === EVENTS_PAGE)?.content ?? '';
    for (const topic of ALL_TOPICS) expect(page).toContain(`| \`${topic}\` |`);
    for (const type of types) {
      const { description } = eventTypes[type as keyof typeof eventTypes];
      expect(page).toContain(`| [\`${type}\`](events/schemas/${type}.json) |`);
      expect(page).toContain(description);
      expect(page).toContain(`<summary>Example of <code>${type}</code></summary>`);
    }
    expect(page).toMatch(/kcat -C -b/);
    expect(page).toContain('](../examples/python-consumer/README.md)');
  });

  it('index every event type under its topic in docs/events/topics.json', () => {
    const index = JSON.parse(files.find((f) => f.path === TOPIC_INDEX)?.content ?? '{}') as { topics: Record<string, { eventTypes: string[]; deadLetterTopic: string }> };
    expect(Object.keys(index.topics).sort()).toEqual([...ALL_TOPICS].sort());
    for (const type of types) expect(index.topics[eventTypes[type as keyof typeof eventTypes].topic].eventTypes).toContain(type);
    expect(Object.values(index.topics).flatMap((topic) => topic.eventTypes)).toHaveLength(types.length);
    for (const topic of ALL_TOPICS) expect(index.topics[topic].deadLetterTopic).toBe(dlqTopic(topic));
  });

  it('link only to files that exist, relative to docs/', () => {
    const page = files.find((f) => f.path === EVENTS_PAGE)?.content ?? '';
    const generated = new Set(files.map((f) => f.path));
    const targets = [...page.matchAll(/\]\(([^)#]+)\)/g)].map((m) => m[1]).filter((target) => !/^https?:/.test(target));
    expect(targets.length).toBeGreaterThan(types.length);
    for (const target of targets) {
      const path = join('docs', target);
      expect({ target, exists: generated.has(path) || existsSync(join(repositoryRoot, path)) }).toEqual({ target, exists: true });
    }
  });
});

describe('AsyncAPI document', () => {
  const document = asyncApiDocument() as {
    asyncapi: string;
    channels: Record<string, { address: string; messages: Record<string, unknown> }>;
    operations: Record<string, { action: string; channel: { $ref: string } }>;
    components: { messages: Record<string, Message> };
  };

  it('is AsyncAPI 3.0 with a channel per topic and per dead-letter topic', () => {
    expect(document.asyncapi).toBe('3.0.0');
    const addresses = Object.values(document.channels).map((channel) => channel.address);
    expect(addresses.sort()).toEqual([...ALL_TOPICS, ...ALL_TOPICS.map(dlqTopic)].sort());
    for (const id of Object.keys(document.channels)) expect(id).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it('puts every event type on the channel of its topic, as a CloudEvent keyed by aggregate id', () => {
    for (const type of types) {
      const definition = eventTypes[type as keyof typeof eventTypes];
      const channel = Object.values(document.channels).find((c) => c.address === definition.topic);
      expect(channel?.messages[type]).toEqual({ $ref: `#/components/messages/${type}` });
      const message = document.components.messages[type];
      expect(message.payload.properties.type.const).toBe(type);
      expect(message.payload.properties.data.required).toContain(definition.aggregateId);
      expect(message.headers.properties['ce-type'].const).toBe(type);
      expect(message.bindings.kafka.key.description).toContain(`data.${definition.aggregateId}`);
      expect(message.examples[0].headers['ce-type']).toBe(type);
      expect(parseCloudEvent(message.examples[0].payload, { upcast: 'none' }).type).toBe(type);
    }
  });

  it('only refers to things it defines', () => {
    const refs = [...JSON.stringify(document).matchAll(/"\$ref":"#\/([^"]+)"/g)].map((m) => m[1]);
    expect(refs.length).toBeGreaterThan(types.length);
    for (const ref of refs) {
      const target = ref.split('/').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], document);
      expect({ ref, found: target !== undefined }).toEqual({ ref, found: true });
    }
  });
});
