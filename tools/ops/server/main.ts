import './telemetry';
import { bootstrapService, SERVICE_PORTS } from '@marketplace/platform';
import { opsServerConfigSchema } from './ops-server-config';
import { OpsServerModule } from './ops-server.module';

/** The ops CLI's operations over HTTP, for the admin console (tools/ops/README.md, The ops server). */
void bootstrapService({ name: 'ops', defaultPort: SERVICE_PORTS.ops, module: OpsServerModule, configSchema: opsServerConfigSchema });
