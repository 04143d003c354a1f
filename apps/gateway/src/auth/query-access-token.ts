import type { IncomingMessage } from 'node:http';

/**
 * Browsers cannot set headers on `EventSource` or `WebSocket`, so exactly these two streaming
 * endpoints also take the access token as the `access_token` query parameter.
 */
const QUERY_TOKEN_ENDPOINTS: ReadonlyArray<{ path: string; upgrade: boolean }> = [
  { path: '/api/v1/notifications/stream', upgrade: false },
  { path: '/api/v1/conversations/ws', upgrade: true },
];

const PARAMETER = 'access_token';

/**
 * Moves a query token of those endpoints into `Authorization: Bearer` (a header sent as well wins) and
 * out of the URL, before the URL is logged or forwarded: services never see or log the token. The rest
 * of the query is kept byte for byte.
 */
export function moveQueryAccessToken(request: IncomingMessage, upgrade: boolean): void {
  const url = request.url ?? '';
  const queryAt = url.indexOf('?');
  if (request.method !== 'GET' || queryAt === -1) return;
  const path = url.slice(0, queryAt);
  if (!QUERY_TOKEN_ENDPOINTS.some((endpoint) => endpoint.path === path && endpoint.upgrade === upgrade)) return;
  const query = url.slice(queryAt + 1);
  const token = new URLSearchParams(query).get(PARAMETER);
  if (token === null) return;
  const kept = query.split('&').filter((parameter) => !new URLSearchParams(parameter).has(PARAMETER));
  request.url = kept.length > 0 ? `${path}?${kept.join('&')}` : path;
  if (token && !request.headers.authorization) request.headers.authorization = `Bearer ${token}`;
}
