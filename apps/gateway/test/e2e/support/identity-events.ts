import { parseCloudEvent, TOPICS, type MarketplaceEvent } from '@marketplace/contracts';
import { createMessageBus, type Consumer, type MessageBus } from '@marketplace/messaging';
import { uniqueName, waitFor } from '@marketplace/testing';

/**
 * Reads identity.user.v1 from the bus the services use (Kafka when brokers are given, else the
 * embedded bus in their database) with a fresh consumer group from the beginning, keeping the raw
 * value of every message and its parsed CloudEvent.
 */
export class IdentityEvents {
  readonly raw: string[] = [];
  readonly events: MarketplaceEvent[] = [];
  readonly invalid: { value: string; error: string }[] = [];

  private constructor(
    private readonly bus: MessageBus,
    private consumer?: Consumer,
  ) {}

  static async start(options: { kafkaBrokers?: string[]; databaseUrl: string }): Promise<IdentityEvents> {
    const bus = createMessageBus({ clientId: uniqueName('e2e-identity-events'), kafkaBrokers: options.kafkaBrokers, databaseUrl: options.databaseUrl });
    const recorder = new IdentityEvents(bus);
    try {
      await bus.ensureTopics([TOPICS.identityUser]);
      recorder.consumer = await recorder.subscribe();
    } catch (error) {
      await bus.close();
      throw error;
    }
    return recorder;
  }

  private subscribe(): Promise<Consumer> {
    return this.bus.consumer({
      groupId: uniqueName('e2e-identity-events'),
      topics: [TOPICS.identityUser],
      fromBeginning: true,
      onMessage: async (message) => {
        const value = message.value.toString('utf8');
        this.raw.push(value);
        try {
          this.events.push(parseCloudEvent(value));
        } catch (error) {
          this.invalid.push({ value, error: (error as Error).message });
        }
      },
    });
  }

  /** The events about one user (its subject), in the order they arrived. */
  about(subject: string): MarketplaceEvent[] {
    return this.events.filter((event) => event.subject === subject);
  }

  /** Waits until the user's events include every one of `types` (in any order). */
  async waitForTypes(subject: string, types: string[], timeoutMs = 30_000): Promise<MarketplaceEvent[]> {
    return waitFor(
      () => {
        const seen = this.about(subject);
        return types.every((type) => seen.some((event) => event.type === type)) ? seen : undefined;
      },
      { timeoutMs, intervalMs: 100, description: `${types.join(', ')} for ${subject} on ${TOPICS.identityUser}` },
    );
  }

  async stop(): Promise<void> {
    await this.consumer?.stop();
    await this.bus.close();
  }
}
