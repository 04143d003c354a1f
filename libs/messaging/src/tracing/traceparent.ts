import { context, defaultTextMapGetter, defaultTextMapSetter } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';

const propagator = new W3CTraceContextPropagator();

/**
 * The W3C `traceparent` of the active span, to carry in messages that do not travel through an
 * instrumented client (the embedded bus, the relays' CloudEvents). Undefined outside any trace.
 */
export function currentTraceparent(): string | undefined {
  const carrier: Record<string, string> = {};
  propagator.inject(context.active(), carrier, defaultTextMapSetter);
  return carrier.traceparent;
}

/** Runs `fn` as a continuation of the trace named by `traceparent` (or as is, when there is none). */
export function withTraceparent<T>(traceparent: string | undefined, fn: () => T): T {
  if (!traceparent) return fn();
  const extracted = propagator.extract(context.active(), { traceparent }, defaultTextMapGetter);
  return context.with(extracted, fn);
}
