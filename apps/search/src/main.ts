import './telemetry';
import { bootstrapService, SERVICE_PORTS } from '@marketplace/platform';
import { AppModule } from './app.module';
import { searchConfigSchema } from './search-config';

// Search's input is the catalog and orders topics, through its @EventBatchPattern handlers.
void bootstrapService({ name: 'search', defaultPort: SERVICE_PORTS.search, module: AppModule.forRoot(), configSchema: searchConfigSchema, consumesEvents: true });
