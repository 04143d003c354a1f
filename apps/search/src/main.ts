import './telemetry';
import { bootstrapService, SERVICE_PORTS } from '@marketplace/platform';
import { AppModule } from './app.module';

void bootstrapService({ name: 'search', defaultPort: SERVICE_PORTS.search, module: AppModule });
