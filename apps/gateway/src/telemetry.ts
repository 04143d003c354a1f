// Imported first by main.ts: tracing must be set up before the HTTP, pg and kafkajs clients are used.
import { startTelemetry } from '@marketplace/platform';

// The spans of the requests the gateway serves are recorded by the platform's server (the same spans as
// the HTTP instrumentation's, at a fraction of its cost per request); the instrumentation still traces
// outgoing node:http requests (WebSocket handshakes). The proxy records its own client spans (proxy/upstream-span.ts).
startTelemetry({ serviceName: 'gateway', serverSpans: 'platform' });
