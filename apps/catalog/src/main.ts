import './telemetry';
import { bootstrapService, SERVICE_PORTS } from '@marketplace/platform';
import { AppModule } from './app.module';

void bootstrapService({ name: 'catalog', defaultPort: SERVICE_PORTS.catalog, module: AppModule });
