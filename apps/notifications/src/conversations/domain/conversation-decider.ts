import type { Decider } from '@marketplace/event-store';
import type { ConversationState } from './conversation';
import type { ConversationCommand } from './conversation-commands';
import { block, close, markRead, open, send } from './conversation-decisions';
import type { ConversationEvent } from './conversation-events';
import { evolveConversation } from './conversation-evolve';

function decide(command: ConversationCommand, state: ConversationState): ConversationEvent[] {
  switch (command.type) {
    case 'Open':
      return open(command, state);
    case 'Send':
      return send(command, state);
    case 'MarkRead':
      return markRead(command, state);
    case 'Block':
    case 'Unblock':
      return block(command, state);
    case 'Close':
      return close(command, state);
    default: {
      const unknown: never = command;
      throw new Error(`unknown conversation command ${JSON.stringify(unknown)}`);
    }
  }
}

/** A conversation as pure functions; its state is stored as a row, its events change that row and go out live. */
export const conversationDecider: Decider<ConversationCommand, ConversationEvent, ConversationState> = {
  initialState: () => ({ status: 'none' }),
  decide,
  evolve: evolveConversation,
};
