import { booleanVar, positiveIntVar } from '@marketplace/platform';
import { z } from 'zod';

/**
 * Conversations' variables; the service's config schema spreads this shape. Rate limits are per user,
 * across every instance: at most N messages (and N new conversations) in any window of so many ms.
 */
export const conversationsConfigShape = {
  /** Hide email addresses and phone numbers in message bodies before they are stored. */
  CONVERSATIONS_MASK_CONTACTS: booleanVar.default(false),
  CONVERSATIONS_MESSAGE_LIMIT: positiveIntVar.default(30),
  CONVERSATIONS_MESSAGE_WINDOW_MS: positiveIntVar.default(60_000),
  CONVERSATIONS_OPEN_LIMIT: positiveIntVar.default(10),
  CONVERSATIONS_OPEN_WINDOW_MS: positiveIntVar.default(3_600_000),
  /** WebSocket pings and presence refreshes; a socket silent for two beats is closed, an instance silent for three is offline. */
  CONVERSATIONS_HEARTBEAT_MS: positiveIntVar.default(30_000),
};

export const conversationsConfigSchema = z.object(conversationsConfigShape);

export type ConversationsConfig = z.output<typeof conversationsConfigSchema>;
