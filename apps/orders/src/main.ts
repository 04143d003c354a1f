import './telemetry';
import { bootstrapService, SERVICE_PORTS } from '@marketplace/platform';
import { AppModule } from './app.module';

void bootstrapService({ name: 'orders', defaultPort: SERVICE_PORTS.orders, module: AppModule });
