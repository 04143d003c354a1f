import { createRequire, isBuiltin } from 'node:module';
import { context, propagation, trace } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { detectResources, envDetector, hostDetector, osDetector, processDetector, resourceFromAttributes, serviceInstanceIdDetector } from '@opentelemetry/resources';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { instrumentationsFor, instrumentedModules, type ServerSpans } from './instrumentations';
import { spanProcessorFor } from './span-processor';

export interface TelemetryOptions {
  serviceName: string;
  env?: NodeJS.ProcessEnv;
  /**
   * `'platform'`: the spans of the requests the service serves are recorded by the platform's HTTP server
   * (`server-spans.ts`; same spans, a fraction of the cost) instead of the HTTP instrumentation, which then
   * traces outgoing requests only. Default `'instrumentation'`.
   */
  serverSpans?: ServerSpans;
}

let started: { provider: NodeTracerProvider; unpatch: () => void; serverSpans: ServerSpans } | undefined;

/**
 * Starts tracing once per process: a tracer provider with the W3C trace context propagator (kafkajs
 * and the embedded bus carry `traceparent`) and the instrumentations of the clients this service is
 * configured with. Spans are recorded always, so that logs carry trace ids; they are exported over
 * OTLP/HTTP only when OTEL_EXPORTER_OTLP_ENDPOINT is set. Only the tracing SDK is loaded, not the
 * metrics and logs SDKs: /metrics is Prometheus, logs are pino.
 */
export function startTelemetry(options: TelemetryOptions): NodeTracerProvider {
  if (started) return started.provider;
  const env = options.env ?? process.env;
  const detected = detectResources({ detectors: [envDetector, hostDetector, osDetector, processDetector, serviceInstanceIdDetector] });
  const provider = new NodeTracerProvider({
    resource: detected.merge(resourceFromAttributes({ 'service.name': options.serviceName })),
    spanProcessors: [spanProcessorFor(env)],
  });
  provider.register({ propagator: new W3CTraceContextPropagator() });
  const serverSpans = options.serverSpans ?? 'instrumentation';
  const unpatch = registerInstrumentations({ tracerProvider: provider, instrumentations: instrumentationsFor(env, { serverSpans }) });
  repatchLoadedModules(instrumentedModules(env));
  started = { provider, unpatch, serverSpans };
  return provider;
}

/** Whether telemetry was started with `serverSpans: 'platform'`: the service's HTTP server must then record its request spans itself. */
export function serverSpansByPlatform(): boolean {
  return started?.serverSpans === 'platform';
}

/** Flushes pending spans, removes the instrumentations' patches and the global tracer; called on shutdown. */
export async function stopTelemetry(): Promise<void> {
  const stopping = started;
  if (!stopping) return;
  started = undefined;
  stopping.unpatch();
  await stopping.provider.shutdown();
  // The API refuses a second registration: a later start (tests) needs the slots empty.
  trace.disable();
  context.disable();
  propagation.disable();
}

/**
 * The instrumentations patch a module when it is next required. An app's telemetry.ts runs first, but
 * importing the platform library itself already loads http (and possibly pg or kafkajs); requiring
 * them once more here applies the patches to those already-loaded modules, whose exports are shared.
 * A package not loaded yet is left alone: it is patched when first required, if it ever is.
 */
function repatchLoadedModules(names: string[]): void {
  const load = createRequire(__filename);
  for (const name of names) {
    if (!isBuiltin(name) && !isLoaded(load, name)) continue;
    load(name);
  }
}

function isLoaded(load: NodeJS.Require, name: string): boolean {
  try {
    return load.resolve(name) in load.cache;
  } catch {
    // Not installed in this deployment: nothing to patch.
    return false;
  }
}
