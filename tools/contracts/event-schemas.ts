import { cloudEventSchema, type EventDefinition, exampleCloudEvent, type EventType } from '@marketplace/contracts';
import { z } from 'zod';

export type JsonSchema = Record<string, unknown>;
export type JsonSchemaTarget = 'draft-2020-12' | 'draft-7';

/** The whole Kafka message value of one event type: the CloudEvent envelope with that type's data. */
export function eventMessageSchema(definition: EventDefinition, target: JsonSchemaTarget): JsonSchema {
  const schema = cloudEventSchema
    .extend({ type: z.literal(definition.type), data: definition.schema })
    .meta({
      title: definition.type,
      description: `${definition.description} Published on ${definition.topic}, keyed by data.${definition.aggregateId}.`,
      examples: [exampleCloudEvent(definition.type as EventType)],
    });
  return z.toJSONSchema(schema, { target }) as JsonSchema;
}

/** The envelope every message value shares, whatever its type. */
export function envelopeSchema(target: JsonSchemaTarget): JsonSchema {
  const schema = cloudEventSchema.meta({
    title: 'Marketplace CloudEvent',
    description: 'CloudEvents 1.0 structured JSON envelope of every marketplace message; data depends on type.',
  });
  return z.toJSONSchema(schema, { target }) as JsonSchema;
}
