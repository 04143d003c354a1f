import { dlqTopic, TOPICS } from '@marketplace/contracts';
import type { MessageBus } from '@marketplace/messaging';
import { MESSAGE_BUS } from '@marketplace/platform';
import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';

/**
 * Makes ops.audit.v1 (and its dead-letter topic) at start. Nothing consumes it inside the marketplace, so
 * without this it would exist only after the first admin action, and an analyst subscribing to every
 * documented topic would find it missing.
 */
@Injectable()
export class AuditTopic implements OnApplicationBootstrap {
  constructor(@Inject(MESSAGE_BUS) private readonly bus: MessageBus) {}

  onApplicationBootstrap(): Promise<void> {
    return this.bus.ensureTopics([TOPICS.opsAudit, dlqTopic(TOPICS.opsAudit)]);
  }
}
