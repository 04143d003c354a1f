import './telemetry';
import { bootstrapService, SERVICE_PORTS } from '@marketplace/platform';
import { AppModule } from './app.module';

void bootstrapService({ name: 'identity', defaultPort: SERVICE_PORTS.identity, module: AppModule });
