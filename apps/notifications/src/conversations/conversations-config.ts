import { booleanVar, ConfigError, PLATFORM_CONFIG, positiveIntVar } from '@marketplace/platform';
import type { FactoryProvider } from '@nestjs/common';
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

export const CONVERSATIONS_CONFIG = Symbol('CONVERSATIONS_CONFIG');

/** The service's parsed config; a service whose schema lacks the shape fails at start rather than run with no limits and no heartbeat period. */
export const conversationsConfigProvider: FactoryProvider<ConversationsConfig> = {
  provide: CONVERSATIONS_CONFIG,
  inject: [PLATFORM_CONFIG],
  useFactory: (config: Partial<ConversationsConfig>) => {
    const missing = Object.keys(conversationsConfigShape).filter((variable) => config[variable as keyof ConversationsConfig] === undefined);
    if (missing.length > 0) throw new ConfigError(missing.map((variable) => ({ variable, message: 'is not in the service config: spread conversationsConfigShape into its schema' })));
    return config as ConversationsConfig;
  },
};
