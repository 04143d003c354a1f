/**
 * What a user's open connections (SSE streams, WebSockets) are told, on whichever instance they are
 * connected: `kind` names it (`notification`, `unread`, `message`, `receipt`, ...), `data` is its JSON.
 * `id` is set on notifications: SSE clients resume after it with `Last-Event-ID`.
 */
export interface LiveEvent {
  userId: string;
  kind: string;
  data: unknown;
  id?: string;
}

/** Told to every listener when the feed may have missed events (its LISTEN connection was lost): re-read. */
export const RESYNC: LiveEvent = { userId: '*', kind: 'resync', data: {} };

export type LiveListener = (event: LiveEvent) => void;

/** pg_notify payloads are limited to 8000 bytes; live events stay well below it. */
export const MAX_LIVE_PAYLOAD_BYTES = 7_900;
