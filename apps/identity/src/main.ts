import './telemetry';
import { bootstrapService, SERVICE_PORTS } from '@marketplace/platform';
import { AppModule } from './app.module';
import { identityConfigSchema } from './identity-config';

void bootstrapService({ name: 'identity', defaultPort: SERVICE_PORTS.identity, module: AppModule, configSchema: identityConfigSchema });
