import { createRequire } from 'node:module';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { KafkaJsInstrumentation } from '@opentelemetry/instrumentation-kafkajs';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { NodeSDK, tracing } from '@opentelemetry/sdk-node';

export interface TelemetryOptions {
  serviceName: string;
  env?: NodeJS.ProcessEnv;
}

/** Probes are polled every few seconds; tracing them would bury the real requests. */
const UNTRACED_PATHS = new Set(['/health', '/ready', '/metrics']);
const INSTRUMENTED_MODULES = ['http', 'https', 'pg', 'kafkajs'];
/**
 * The instrumentation's own list of signed-URL parameters, plus `access_token`: browsers' EventSource
 * and WebSocket cannot send headers, so the gateway takes the token in the query of its two streaming
 * endpoints, and it must not reach a trace.
 */
const REDACTED_QUERY_PARAMS = ['sig', 'Signature', 'AWSAccessKeyId', 'X-Goog-Signature', 'X-Amz-Signature', 'X-Amz-Credential', 'X-Amz-Security-Token', 'access_token'];

let started: NodeSDK | undefined;

/**
 * Starts the OpenTelemetry SDK once per process: HTTP, pg and kafkajs instrumentation with the W3C
 * trace context propagator (kafkajs carries `traceparent` in message headers). Spans are recorded
 * always, so that logs carry trace ids; they are exported over OTLP/HTTP only when
 * OTEL_EXPORTER_OTLP_ENDPOINT is set. OTel metrics and logs stay off: /metrics is Prometheus, logs are pino.
 */
export function startTelemetry(options: TelemetryOptions): NodeSDK {
  if (started) return started;
  const endpoint = otlpEndpoint(options.env ?? process.env);
  const sdk = new NodeSDK({
    serviceName: options.serviceName,
    textMapPropagator: new W3CTraceContextPropagator(),
    spanProcessors: [
      endpoint
        ? new tracing.BatchSpanProcessor(new OTLPTraceExporter({ url: `${endpoint}/v1/traces` }))
        : new tracing.NoopSpanProcessor(),
    ],
    metricReaders: [],
    logRecordProcessors: [],
    instrumentations: [
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (request) => UNTRACED_PATHS.has((request.url ?? '').split('?')[0]),
        redactedQueryParamsServer: REDACTED_QUERY_PARAMS,
      }),
      // Only queries made while serving something traced: pollers and probes would flood the traces.
      new PgInstrumentation({ requireParentSpan: true }),
      new KafkaJsInstrumentation(),
    ],
  });
  sdk.start();
  repatchLoadedModules();
  started = sdk;
  return sdk;
}

/** Flushes pending spans; called on shutdown. */
export async function stopTelemetry(): Promise<void> {
  const sdk = started;
  started = undefined;
  await sdk?.shutdown();
}

/**
 * The instrumentations patch a module when it is next required. An app's telemetry.ts runs first, but
 * importing the platform library itself already loads http (and possibly pg or kafkajs); requiring
 * them once more here applies the patches to those already-loaded modules, whose exports are shared.
 */
function repatchLoadedModules(): void {
  const load = createRequire(__filename);
  for (const name of INSTRUMENTED_MODULES) {
    try {
      load(name);
    } catch {
      // Not installed in this deployment: nothing to patch.
    }
  }
}

function otlpEndpoint(env: NodeJS.ProcessEnv): string | undefined {
  const value = env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim();
  // An invalid value is reported by loadConfig with the other configuration errors.
  if (!value || !URL.canParse(value)) return undefined;
  return value.replace(/\/+$/, '');
}
