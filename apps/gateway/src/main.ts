import './telemetry';
import { bootstrapService, SERVICE_PORTS } from '@marketplace/platform';
import { AppModule } from './app.module';
import { gatewayConfigSchema } from './gateway-config';

void bootstrapService({ name: 'gateway', defaultPort: SERVICE_PORTS.gateway, module: AppModule, configSchema: gatewayConfigSchema });
