import type { z } from 'zod';
import type { Topic } from './topics';

/** `marketplace.<context>.<EventName>.v<N>`: the CloudEvent `type`, which carries the version. */
export type EventTypeName = `marketplace.${string}.${string}.v${number}`;

const TYPE_PATTERN = /^marketplace\.([a-z]+)\.([A-Z][A-Za-z]*)\.v([1-9]\d*)$/;

/** Everything known about one version of one event. */
export interface EventDefinition<TType extends EventTypeName = EventTypeName, TSchema extends z.ZodType = z.ZodType> {
  type: TType;
  context: string;
  name: string;
  version: number;
  topic: Topic;
  description: string;
  /** The field of `data` holding the aggregate id: it is the CloudEvent `subject` and the Kafka key. */
  aggregateId: string;
  schema: TSchema;
}

export function defineEvent<const TType extends EventTypeName, TSchema extends z.ZodObject>(spec: {
  type: TType;
  topic: Topic;
  description: string;
  aggregateId: keyof z.output<TSchema> & string;
  schema: TSchema;
}): EventDefinition<TType, TSchema> {
  const match = TYPE_PATTERN.exec(spec.type);
  if (!match) throw new Error(`Event type ${spec.type} must look like marketplace.<context>.<EventName>.v<N>`);
  const [, context, name, version] = match;
  return { ...spec, context, name, version: Number(version) };
}

export type TypeOf<D> = D extends EventDefinition<infer T, z.ZodType> ? T : never;
export type DataOf<D> = D extends EventDefinition<EventTypeName, infer S> ? z.output<S> : never;
export type DataInputOf<D> = D extends EventDefinition<EventTypeName, infer S> ? z.input<S> : never;
