import { context, propagation, SpanKind, trace, type Span } from '@opentelemetry/api';
import type { OutgoingHttpHeaders } from 'node:http';

const tracer = trace.getTracer('@marketplace/gateway');

/** Host and port of each service's base URL, parsed once. */
const origins = new Map<string, { address: string; port: number; origin: string }>();

/**
 * The client span of one proxied request, as the HTTP instrumentation would record it for `node:http`
 * (which the undici pool bypasses): named by the method, child of the request's server span, its trace
 * context sent to the service in `traceparent` so that the service's spans join the same trace. The
 * query is left out of `url.full`: it is the client's, and may carry anything.
 */
export function startUpstreamSpan(method: string, baseUrl: string, pathAndQuery: string, headers: OutgoingHttpHeaders): Span {
  let target = origins.get(baseUrl);
  if (!target) {
    const url = new URL(baseUrl);
    target = { address: url.hostname, port: Number(url.port || (url.protocol === 'https:' ? 443 : 80)), origin: url.origin };
    origins.set(baseUrl, target);
  }
  const queryAt = pathAndQuery.indexOf('?');
  const parent = context.active();
  const span = tracer.startSpan(
    method,
    {
      kind: SpanKind.CLIENT,
      attributes: {
        'http.request.method': method,
        'server.address': target.address,
        'server.port': target.port,
        'url.full': target.origin + (queryAt === -1 ? pathAndQuery : pathAndQuery.slice(0, queryAt)),
      },
    },
    parent,
  );
  propagation.inject(trace.setSpan(parent, span), headers);
  return span;
}
