import type { INestApplication } from '@nestjs/common';
import type { NestMicroservice } from '@nestjs/microservices';
import { PassHandlerErrorsFilter } from './handler-errors';
import { MessagingTransport } from './messaging-transport';

/**
 * Attaches the module's transport to a (hybrid) app, so its `@EventPattern` handlers consume; start it
 * with `app.startAllMicroservices()`. The handlers' errors reach the transport unchanged, for retry and
 * the dead-letter headers.
 */
export function connectMessaging(app: INestApplication): NestMicroservice {
  // Nest binds the global filters when it registers the listeners, so the filter goes in first: the
  // same steps connectMicroservice takes without deferInitialization, with the filter before them.
  const microservice = app.connectMicroservice(
    { strategy: app.get(MessagingTransport) },
    { inheritAppConfig: false, deferInitialization: true },
  ) as NestMicroservice;
  microservice.useGlobalFilters(new PassHandlerErrorsFilter());
  microservice.registerListeners();
  microservice.setIsInitialized(true);
  microservice.setIsInitHookCalled(true);
  return microservice;
}

/** Connects the transport (see connectMessaging) and starts consuming. */
export async function startMessaging(app: INestApplication): Promise<void> {
  connectMessaging(app);
  await app.startAllMicroservices();
}
