import { createRequire } from 'node:module';
import type { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { BatchSpanProcessor, NoopSpanProcessor, type SpanProcessor } from '@opentelemetry/sdk-trace-node';

/**
 * Spans go to OTLP/HTTP in batches when OTEL_EXPORTER_OTLP_ENDPOINT is set; otherwise nowhere (they are
 * still recorded, for the trace ids in logs and messages), and the exporter is not even loaded.
 */
export function spanProcessorFor(env: NodeJS.ProcessEnv): SpanProcessor {
  const endpoint = otlpEndpoint(env);
  if (!endpoint) return new NoopSpanProcessor();
  const otlp = createRequire(__filename)('@opentelemetry/exporter-trace-otlp-http') as { OTLPTraceExporter: typeof OTLPTraceExporter };
  return new BatchSpanProcessor(new otlp.OTLPTraceExporter({ url: `${endpoint}/v1/traces` }));
}

function otlpEndpoint(env: NodeJS.ProcessEnv): string | undefined {
  const value = env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim();
  // An invalid value is reported by loadConfig with the other configuration errors.
  if (!value || !URL.canParse(value)) return undefined;
  return value.replace(/\/+$/, '');
}
