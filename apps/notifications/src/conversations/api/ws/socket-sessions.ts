import type { AuthenticatedUser } from '@marketplace/auth';
import { CLOCK, type Clock, ID_GENERATOR, type IdGenerator } from '@marketplace/kernel';
import { LOGGER, toErrorResponse } from '@marketplace/platform';
import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import type { WebSocket } from 'ws';
import type { LiveEvent } from '../../../live/live-event';
import { LiveFeed } from '../../../live/live-feed';
import { PresenceRegistry } from '../../application/presence-registry';
import { ReadReceipts } from '../../application/read-receipts';
import { SendMessage } from '../../application/send-message';
import { messageView } from '../conversation-views';
import { ConversationSocket, type SocketSession } from './conversation-socket';
import type { ClientFrame, ErrorFrame, ServerFrame } from './frames';
import { toErrorFrame } from './frames';

/**
 * What WebSocket frames do: `send` and `read` run the same services as the HTTP routes (their results
 * come back through the live feed, like everyone else's), `ping` is answered at once.
 */
@Injectable()
export class SocketSessions implements SocketSession {
  constructor(
    private readonly sender: SendMessage,
    private readonly receipts: ReadReceipts,
    private readonly live: LiveFeed,
    private readonly presence: PresenceRegistry,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  attach(ws: WebSocket, user: AuthenticatedUser): ConversationSocket {
    const socket = new ConversationSocket(ws, user, this);
    socket.start();
    return socket;
  }

  listen(userId: string, forward: (event: LiveEvent) => void): () => void {
    const stopForwarding = this.live.subscribe(userId, forward);
    const leave = this.presence.open(userId);
    return () => {
      stopForwarding();
      leave();
    };
  }

  async act(user: AuthenticatedUser, frame: ClientFrame): Promise<ServerFrame[]> {
    switch (frame.type) {
      case 'ping':
        return [{ type: 'pong', ...(frame.ref && { ref: frame.ref }) }];
      case 'send': {
        const { message, created } = await this.sender.send(user.id, frame.conversationId, frame);
        // A new message comes back through the live feed; a retried one was published the first time.
        return created ? [] : [{ type: 'message', message: messageView(message) }];
      }
      case 'read':
        await this.receipts.markRead(user.id, frame.conversationId, frame.upToMessageId);
        return [];
      default: {
        const unknown: never = frame;
        throw new Error(`unknown client frame ${JSON.stringify(unknown)}`);
      }
    }
  }

  fail(error: unknown, ref?: string): ErrorFrame {
    const response = toErrorResponse(error, { requestId: this.ids.next(), now: this.clock.now() });
    if (response.unexpected) this.logger.error({ err: error }, 'conversations: a WebSocket frame failed unexpectedly');
    return toErrorFrame(response, ref);
  }
}
