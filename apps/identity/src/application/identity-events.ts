import { createCloudEvent, type CloudEvent, type EventDataInput, type EventType } from '@marketplace/contracts';
import type { Clock, IdGenerator } from '../domain/clock';

type IdentityEventType = Extract<EventType, `marketplace.identity.${string}`>;

/** Builds identity.user.v1 CloudEvents (validated against their schemas) with the subject = the user id. */
export class IdentityEvents {
  constructor(
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  create<T extends IdentityEventType>(type: T, userId: string, data: EventDataInput<T>): CloudEvent {
    return createCloudEvent({ id: this.ids.next(), time: this.clock.now().toISOString(), source: 'marketplace/identity', type, subject: userId, data });
  }
}
