import { connectMessaging } from '@marketplace/messaging';
import type { INestApplication } from '@nestjs/common';

/** Attaches the `@EventPattern` handlers to the bus and starts consuming catalog events. */
export async function startConsuming(app: INestApplication): Promise<void> {
  connectMessaging(app);
  await app.startAllMicroservices();
}
