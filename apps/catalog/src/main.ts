import './telemetry';
import { bootstrapService, SERVICE_PORTS } from '@marketplace/platform';
import { AppModule } from './app.module';
import { catalogConfigSchema } from './catalog-config';

// Orders' events (reservations, delivered purchases) reach the catalog's @EventPattern handlers.
void bootstrapService({ name: 'catalog', defaultPort: SERVICE_PORTS.catalog, module: AppModule, configSchema: catalogConfigSchema, consumesEvents: true });
