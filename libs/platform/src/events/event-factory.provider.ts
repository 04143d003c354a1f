import { CloudEventFactory } from '@marketplace/contracts';
import { CLOCK, type Clock, ID_GENERATOR, type IdGenerator } from '@marketplace/kernel';
import type { Provider } from '@nestjs/common';

/** The service's CloudEventFactory: source `marketplace/<service>`, time and ids from the platform's clock and id generator. */
export function eventFactoryProvider(service: string): Provider {
  return {
    provide: CloudEventFactory,
    inject: [CLOCK, ID_GENERATOR],
    useFactory: (clock: Clock, ids: IdGenerator) => new CloudEventFactory(`marketplace/${service}`, clock, ids),
  };
}
