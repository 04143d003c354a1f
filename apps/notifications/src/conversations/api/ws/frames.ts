import { uuid } from '@marketplace/contracts';
import type { ErrorResponse } from '@marketplace/platform';
import type { RawData } from 'ws';
import { z } from 'zod';
import { clientMessageId, messageBody } from '../message-fields';

/** Any client frame may carry a `ref`, echoed on the error that answers it. */
const ref = z.string().min(1).max(100).optional();

export const clientFrame = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('send'), conversationId: uuid, body: messageBody, clientMessageId: clientMessageId.optional(), ref }),
  z.strictObject({ type: z.literal('read'), conversationId: uuid, upToMessageId: uuid, ref }),
  z.strictObject({ type: z.literal('ping'), ref }),
]);

export type ClientFrame = z.infer<typeof clientFrame>;

export interface ErrorFrame {
  type: 'error';
  error: { code: string; message: string; retryAfterSeconds?: number };
  ref?: string;
}

/** Server frames: `message`, `receipt`, `conversation` (from the live feed), `pong`, `resync`, `error`. */
export type ServerFrame = { type: string } & Record<string, unknown>;

const invalid = (message: string, frameRef?: string): ErrorFrame => ({ type: 'error', error: { code: 'invalid_frame', message }, ...(frameRef && { ref: frameRef }) });

/** The `ref` of something that failed to parse as a frame, when it has a usable one. */
const refOf = (json: unknown) => ref.safeParse((json as { ref?: unknown } | null)?.ref).data;

/** A client frame, or the error frame answering one that is not: binary, not JSON, or not a valid frame. */
export function parseFrame(data: RawData, isBinary: boolean): { frame: ClientFrame } | { error: ErrorFrame } {
  if (isBinary) return { error: invalid('Frames are JSON text, not binary.') };
  let json: unknown;
  try {
    json = JSON.parse(data.toString());
  } catch {
    return { error: invalid('The frame is not JSON.') };
  }
  const parsed = clientFrame.safeParse(json);
  if (parsed.success) return { frame: parsed.data };
  const [issue] = parsed.error.issues;
  return { error: invalid(`The frame is invalid: ${issue.path.join('.') || 'frame'}: ${issue.message}`, refOf(json)) };
}

/** What an action's failure tells the client: the code and message the HTTP API would answer with. */
export function toErrorFrame(response: ErrorResponse, frameRef?: string): ErrorFrame {
  const retryAfter = response.headers['retry-after'];
  const error = { code: response.body.error.code, message: response.body.error.message, ...(retryAfter && { retryAfterSeconds: Number(retryAfter) }) };
  return { type: 'error', error, ...(frameRef && { ref: frameRef }) };
}
