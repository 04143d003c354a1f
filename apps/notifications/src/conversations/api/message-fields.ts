import { multiLine } from '@marketplace/contracts';
import { z } from 'zod';

export const MAX_MESSAGE_LENGTH = 2000;

/** Some clients send CRLF line breaks; bodies keep LF only. */
const withLineFeeds = (value: unknown) => (typeof value === 'string' ? value.replace(/\r\n?/g, '\n') : value);

/** Plain text: no control characters but line breaks and tabs, no bidirectional overrides; 1 to 2000 characters once trimmed. */
export const messageBody = z.preprocess(withLineFeeds, multiLine(z.string().trim().min(1).max(MAX_MESSAGE_LENGTH)));

/** The client's own id for a message, making a retried send safe: 1 to 100 visible ASCII characters. */
export const clientMessageId = z.string().regex(/^[\x21-\x7e]{1,100}$/, { error: 'must be 1 to 100 visible ASCII characters' });
