import './telemetry';
import { bootstrapService, SERVICE_PORTS } from '@marketplace/platform';
import { AppModule } from './app.module';

void bootstrapService({ name: 'notifications', defaultPort: SERVICE_PORTS.notifications, module: AppModule });
