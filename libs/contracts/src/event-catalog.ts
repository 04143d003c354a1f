import type { z } from 'zod';
import type { DataInputOf, EventDefinition } from './define-event';
import { type CloudEvent, cloudEventSchema } from './envelope';
import { InvalidEventError } from './errors';
import type { Topic } from './topics';
import type { Upcaster } from './upcaster';

/** The CloudEvent of one definition, or the discriminated union over a union of definitions. */
export type CloudEventOf<D> = D extends EventDefinition<infer T, infer S> ? CloudEvent<z.output<S>, T> : never;

export type DefinitionOf<D extends EventDefinition, T extends D['type']> = Extract<D, { type: T }>;

export interface CreateCloudEventInput<TType extends string, TData> {
  id: string;
  /** ISO 8601 UTC; the caller's clock, never read here. */
  time: string;
  source: string;
  type: TType;
  /** The aggregate id; also the Kafka key. */
  subject: string;
  data: TData;
  correlationid?: string;
  causationid?: string;
  traceparent?: string;
}

export interface ParseCloudEventOptions<TType extends string = string> {
  /**
   * What to do with an older version of an event: `'latest'` (default) upcasts it to the newest
   * version; `'none'` returns it as stored (validated against its own version's schema); a list of
   * types pins the versions the consumer handles, and upcasting stops at the first one reached.
   */
  upcast?: 'latest' | 'none' | readonly TType[];
}

/**
 * A set of event definitions with their upcasters: creates and parses CloudEvents, validating the
 * envelope and the data by type. The marketplace's own catalog is `marketplaceEvents`.
 */
export class EventCatalog<D extends EventDefinition> {
  readonly types: readonly D['type'][];
  readonly registry: { readonly [T in D['type']]: DefinitionOf<D, T> };
  private readonly upcasters = new Map<string, Upcaster>();

  constructor(definitions: readonly D[], upcasters: readonly Upcaster[] = []) {
    const registry: Record<string, D> = {};
    for (const definition of definitions) {
      if (registry[definition.type]) throw new Error(`Event type ${definition.type} is defined twice`);
      registry[definition.type] = definition;
    }
    for (const upcaster of upcasters) {
      if (!registry[upcaster.from] || !registry[upcaster.to]) {
        throw new Error(`Upcaster ${upcaster.from} -> ${upcaster.to} refers to an event type outside the catalog`);
      }
      if (this.upcasters.has(upcaster.from)) throw new Error(`Event type ${upcaster.from} has two upcasters`);
      this.upcasters.set(upcaster.from, upcaster);
    }
    this.registry = registry as EventCatalog<D>['registry'];
    this.types = definitions.map((d) => d.type);
  }

  has(type: string): type is D['type'] {
    return Object.hasOwn(this.registry, type);
  }

  definition<T extends D['type']>(type: T): DefinitionOf<D, T> {
    return this.lookup(type) as DefinitionOf<D, T>;
  }

  topicForType(type: D['type']): Topic {
    return this.definition(type).topic;
  }

  /** The newest version reachable from `type` through the upcasters (`type` itself when none). */
  latestVersionOf(type: D['type']): D['type'] {
    let current: string = this.lookup(type).type;
    for (let next = this.upcasters.get(current); next; next = this.upcasters.get(current)) current = next.to;
    return current as D['type'];
  }

  /** Builds a CloudEvent for a producer; the data must match the type's schema exactly. */
  create<T extends D['type']>(
    input: CreateCloudEventInput<T, DataInputOf<DefinitionOf<D, T>>>,
  ): CloudEventOf<DefinitionOf<D, T>> {
    const definition = this.definition(input.type);
    const data = this.validateData(definition, input.data);
    const envelope = cloudEventSchema.safeParse({ ...input, specversion: '1.0', datacontenttype: 'application/json', data });
    if (!envelope.success) throw InvalidEventError.fromZod('invalid_envelope', envelope.error, [], input.type);
    return envelope.data as CloudEventOf<DefinitionOf<D, T>>;
  }

  /**
   * Reads a CloudEvent as received (an object, or its JSON as a string or bytes): validates the
   * envelope, then the data against its type's schema, then upcasts as `options.upcast` asks.
   */
  parse(raw: unknown, options: ParseCloudEventOptions<D['type']> = {}): CloudEventOf<D> {
    const envelope = cloudEventSchema.safeParse(decodeJson(raw));
    if (!envelope.success) throw InvalidEventError.fromZod('invalid_envelope', envelope.error, []);
    let type = envelope.data.type;
    let data = this.validateData(this.lookup(type), envelope.data.data);
    const stopAt = options.upcast ?? 'latest';
    for (let upcaster = this.upcasters.get(type); upcaster && stopAt !== 'none'; upcaster = this.upcasters.get(type)) {
      if (Array.isArray(stopAt) && stopAt.includes(type)) break;
      data = this.validateData(this.lookup(upcaster.to), runUpcaster(upcaster, data));
      type = upcaster.to;
    }
    return { ...envelope.data, type, data } as CloudEventOf<D>;
  }

  /** Narrows a parsed event to the given types. */
  is<T extends D['type']>(event: CloudEvent, ...types: T[]): event is CloudEventOf<DefinitionOf<D, T>> {
    return (types as string[]).includes(event.type);
  }

  private lookup(type: string): D {
    if (!this.has(type)) {
      throw new InvalidEventError('unknown_type', [{ path: 'type', message: `unknown event type ${type}` }], type);
    }
    return this.registry[type];
  }

  private validateData(definition: EventDefinition, data: unknown): unknown {
    const result = definition.schema.safeParse(data);
    if (!result.success) throw InvalidEventError.fromZod('invalid_data', result.error, ['data'], definition.type);
    return result.data;
  }
}

function decodeJson(raw: unknown): unknown {
  if (typeof raw !== 'string' && !(raw instanceof Uint8Array)) return raw;
  const text = typeof raw === 'string' ? raw : Buffer.from(raw).toString('utf8');
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new InvalidEventError('invalid_envelope', [{ path: '', message: `not JSON: ${(error as Error).message}` }]);
  }
}

function runUpcaster(upcaster: Upcaster, data: unknown): unknown {
  try {
    return upcaster.upcast(data);
  } catch (error) {
    const message = `upcasting ${upcaster.from} to ${upcaster.to} failed: ${(error as Error).message}`;
    throw new InvalidEventError('invalid_data', [{ path: 'data', message }], upcaster.from);
  }
}
