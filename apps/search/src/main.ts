import './telemetry';
import { bootstrapService, SERVICE_PORTS } from '@marketplace/platform';
import { AppModule } from './app.module';
import { searchConfigSchema } from './search-config';

// Search's input is the catalog topics, through its @EventPattern handlers.
void bootstrapService({ name: 'search', defaultPort: SERVICE_PORTS.search, module: AppModule, configSchema: searchConfigSchema, consumesEvents: true });
