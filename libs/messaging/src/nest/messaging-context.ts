import { BaseRpcContext } from '@nestjs/microservices';
import type { EventBatch, EventContext } from '../consumer/event-handler';
import type { IncomingMessage } from '../port';

/** What an `@EventPattern` handler gets with `@Ctx()`: where the event came from, and the raw message. */
export class MessagingContext extends BaseRpcContext<[EventContext]> {
  getTopic(): string {
    return this.args[0].topic;
  }

  getPartition(): number {
    return this.args[0].partition;
  }

  getOffset(): string {
    return this.args[0].offset;
  }

  getKey(): string {
    return this.args[0].key;
  }

  getHeaders(): Record<string, string> {
    return this.args[0].headers;
  }

  getGroupId(): string {
    return this.args[0].groupId;
  }

  /** 1 on first delivery, then 2, 3, ... on retries. */
  getAttempt(): number {
    return this.args[0].attempt;
  }

  getMessage(): IncomingMessage {
    return this.args[0].message;
  }
}

/** What an `@EventBatchPattern` handler gets with `@Ctx()`: the partition the batch came from. */
export class MessagingBatchContext extends BaseRpcContext<[EventBatch]> {
  getTopic(): string {
    return this.args[0].topic;
  }

  getPartition(): number {
    return this.args[0].partition;
  }

  getGroupId(): string {
    return this.args[0].groupId;
  }
}
