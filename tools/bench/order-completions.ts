import { type EventStore, PostgresEventStore, type Subscription } from '@marketplace/event-store';

export interface Completion {
  status: 'confirmed' | 'cancelled';
  /** When the order's final event was recorded (the database clock, the same host as the benchmark). */
  at: number;
}

/**
 * Follows orders' own event store (its global log, gap-free) and resolves each order once it is
 * confirmed or cancelled: the benchmark's clients learn the outcome without polling the API.
 */
export class OrderCompletions {
  private readonly completed = new Map<string, Completion>();
  private readonly waiting = new Map<string, (completion: Completion) => void>();
  private subscription?: Subscription;

  private constructor(private readonly store: EventStore) {}

  static async follow(databaseUrl: string): Promise<OrderCompletions> {
    const completions = new OrderCompletions(new PostgresEventStore({ connectionString: databaseUrl, schema: 'orders' }));
    const fromPosition = await completions.store.headPosition();
    completions.subscription = completions.store.subscribeToAll({
      fromPosition,
      filter: { streamPrefixes: ['order-'], eventTypePrefixes: ['OrderConfirmed', 'OrderCancelled'] },
      onEvent: async (event) => completions.record(event.streamId.slice('order-'.length), { status: event.type === 'OrderConfirmed' ? 'confirmed' : 'cancelled', at: event.recordedAt.getTime() }),
    });
    return completions;
  }

  /** The order's outcome, or undefined if it has none within `timeoutMs`. */
  outcome(orderId: string, timeoutMs: number): Promise<Completion | undefined> {
    const known = this.completed.get(orderId);
    if (known) return Promise.resolve(known);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiting.delete(orderId);
        resolve(undefined);
      }, timeoutMs);
      this.waiting.set(orderId, (completion) => {
        clearTimeout(timer);
        resolve(completion);
      });
    });
  }

  async close(): Promise<void> {
    await this.subscription?.stop();
    await this.store.close();
  }

  private record(orderId: string, completion: Completion): void {
    this.completed.set(orderId, completion);
    this.waiting.get(orderId)?.(completion);
    this.waiting.delete(orderId);
  }
}
