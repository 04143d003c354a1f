import './telemetry';
import { bootstrapService, SERVICE_PORTS } from '@marketplace/platform';
import { AppModule } from './app.module';
import { paymentsConfigSchema } from './payments-config';

// Orders' requests reach the @EventPattern handlers; Stripe's webhook signatures need the raw bodies.
void bootstrapService({
  name: 'payments',
  defaultPort: SERVICE_PORTS.payments,
  module: AppModule,
  configSchema: paymentsConfigSchema,
  consumesEvents: true,
  rawBody: true,
});
