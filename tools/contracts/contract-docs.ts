import { type EventDefinition, eventDefinitions } from '@marketplace/contracts';
import { asyncApiDocument } from './asyncapi';
import { envelopeSchema, eventMessageSchema } from './event-schemas';
import { eventsPage } from './events-page';
import { topicIndex } from './topic-index';
import { toYaml } from './yaml';

/** Directory whose files are all generated: a file there that is no longer generated is stale. */
export const SCHEMAS_DIR = 'docs/events/schemas';
const ENVELOPE = 'docs/events/envelope.schema.json';
export const EVENTS_PAGE = 'docs/events.md';
export const TOPIC_INDEX = 'docs/events/topics.json';

export interface GeneratedFile {
  /** Relative to the repository root, with forward slashes. */
  path: string;
  content: string;
}

/** Every generated contract document, rendered in memory: nothing here touches the disk. */
export function renderContractDocs(): GeneratedFile[] {
  const definitions: readonly EventDefinition[] = eventDefinitions;
  return [
    ...definitions.map((definition) => ({
      path: `${SCHEMAS_DIR}/${definition.type}.json`,
      content: json(eventMessageSchema(definition, 'draft-2020-12')),
    })),
    { path: ENVELOPE, content: json(envelopeSchema('draft-2020-12')) },
    { path: TOPIC_INDEX, content: json(topicIndex()) },
    { path: EVENTS_PAGE, content: eventsPage() },
    { path: 'docs/asyncapi.yaml', content: `# Generated from libs/contracts by \`npm run contracts:generate\`; do not edit.\n${toYaml(asyncApiDocument())}` },
  ];
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
