import './telemetry';
import { bootstrapService, SERVICE_PORTS } from '@marketplace/platform';
import { AppModule } from './app.module';

void bootstrapService({ name: 'payments', defaultPort: SERVICE_PORTS.payments, module: AppModule });
