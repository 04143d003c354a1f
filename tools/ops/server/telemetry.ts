// Imported first by main.ts: tracing must be set up before the HTTP, pg and kafkajs clients are used.
import { startTelemetry } from '@marketplace/platform';

startTelemetry({ serviceName: 'ops' });
