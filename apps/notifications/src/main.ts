import './telemetry';
import { bootstrapService, SERVICE_PORTS } from '@marketplace/platform';
import { AppModule } from './app.module';
import { notificationsConfigSchema } from './notifications-config';

void bootstrapService({
  name: 'notifications',
  defaultPort: SERVICE_PORTS.notifications,
  module: AppModule,
  configSchema: notificationsConfigSchema,
  consumesEvents: true,
});
