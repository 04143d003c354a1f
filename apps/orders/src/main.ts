import './telemetry';
import { bootstrapService, SERVICE_PORTS } from '@marketplace/platform';
import { AppModule } from './app.module';
import { ordersConfigSchema } from './orders-config';

// Catalog's stock, payments' results and catalog's products reach the @EventPattern handlers before the port opens.
void bootstrapService({ name: 'orders', defaultPort: SERVICE_PORTS.orders, module: AppModule, configSchema: ordersConfigSchema, consumesEvents: true });
