import { createRequire } from 'node:module';
import type { Instrumentation } from '@opentelemetry/instrumentation';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import type { KafkaJsInstrumentation } from '@opentelemetry/instrumentation-kafkajs';
import type { PgInstrumentation } from '@opentelemetry/instrumentation-pg';

/** Probes are polled every few seconds; tracing them would bury the real requests. */
export const UNTRACED_PATHS: ReadonlySet<string> = new Set(['/health', '/ready', '/metrics']);
/**
 * The instrumentation's own list of signed-URL parameters, plus `access_token`: browsers' EventSource
 * and WebSocket cannot send headers, so the gateway takes the token in the query of its two streaming
 * endpoints, and it must not reach a trace.
 */
export const REDACTED_QUERY_PARAMS = ['sig', 'Signature', 'AWSAccessKeyId', 'X-Goog-Signature', 'X-Amz-Signature', 'X-Amz-Credential', 'X-Amz-Security-Token', 'access_token'];

/** Who records the span of each request a service serves: the HTTP instrumentation, or the platform's server (`tracedRequestListener`). */
export type ServerSpans = 'instrumentation' | 'platform';

/** The modules an instrumentation of `instrumentationsFor(env)` patches. */
export function instrumentedModules(env: NodeJS.ProcessEnv): string[] {
  return ['http', 'https', ...(isSet(env.DATABASE_URL) ? ['pg'] : []), ...(isSet(env.KAFKA_BROKERS) ? ['kafkajs'] : [])];
}

/**
 * HTTP always; pg and kafkajs only when the service is configured with a database or Kafka brokers,
 * so that a process never loads an instrumentation (or, through it, a client) it has no use for.
 * `serverSpans: 'platform'`: the service's server records its own request spans (`server-spans.ts`),
 * and the HTTP instrumentation traces outgoing requests only.
 */
export function instrumentationsFor(env: NodeJS.ProcessEnv, { serverSpans = 'instrumentation' }: { serverSpans?: ServerSpans } = {}): Instrumentation[] {
  const load = createRequire(__filename);
  const instrumentations: Instrumentation[] = [
    new HttpInstrumentation({
      ignoreIncomingRequestHook: (request) => UNTRACED_PATHS.has((request.url ?? '').split('?')[0]),
      redactedQueryParamsServer: REDACTED_QUERY_PARAMS,
      disableIncomingRequestInstrumentation: serverSpans === 'platform',
    }),
  ];
  if (isSet(env.DATABASE_URL)) {
    const pg = load('@opentelemetry/instrumentation-pg') as { PgInstrumentation: typeof PgInstrumentation };
    // Only queries made while serving something traced: pollers and probes would flood the traces.
    instrumentations.push(new pg.PgInstrumentation({ requireParentSpan: true }));
  }
  if (isSet(env.KAFKA_BROKERS)) {
    const kafkajs = load('@opentelemetry/instrumentation-kafkajs') as { KafkaJsInstrumentation: typeof KafkaJsInstrumentation };
    instrumentations.push(new kafkajs.KafkaJsInstrumentation());
  }
  return instrumentations;
}

function isSet(value: string | undefined): boolean {
  return Boolean(value?.trim());
}
