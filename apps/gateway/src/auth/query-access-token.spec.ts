import type { IncomingMessage } from 'node:http';
import { moveQueryAccessToken } from './query-access-token';

function request(method: string, url: string, authorization?: string): IncomingMessage {
  return { method, url, headers: authorization ? { authorization } : {} } as IncomingMessage;
}

describe('moveQueryAccessToken', () => {
  it('moves the token of the event stream into the Authorization header and out of the query, keeping the rest as it was', () => {
    const sse = request('GET', '/api/v1/notifications/stream?since=a%20b&access_token=t.k-n&x=1');
    moveQueryAccessToken(sse, false);
    expect(sse.url).toBe('/api/v1/notifications/stream?since=a%20b&x=1');
    expect(sse.headers.authorization).toBe('Bearer t.k-n');
  });

  it('does the same for the conversations WebSocket upgrade, and drops an emptied query', () => {
    const ws = request('GET', '/api/v1/conversations/ws?access_token=tok');
    moveQueryAccessToken(ws, true);
    expect(ws.url).toBe('/api/v1/conversations/ws');
    expect(ws.headers.authorization).toBe('Bearer tok');
  });

  it('lets an Authorization header win, and still removes the query token', () => {
    const sse = request('GET', '/api/v1/notifications/stream?access_token=query&access_token=again', 'Bearer header');
    moveQueryAccessToken(sse, false);
    expect(sse.url).toBe('/api/v1/notifications/stream');
    expect(sse.headers.authorization).toBe('Bearer header');
  });

  it('sets no header for an empty token, so the caller gets the missing-token 401', () => {
    const sse = request('GET', '/api/v1/notifications/stream?access_token=');
    moveQueryAccessToken(sse, false);
    expect(sse.url).toBe('/api/v1/notifications/stream');
    expect(sse.headers.authorization).toBeUndefined();
  });

  it.each([
    ['GET', '/api/v1/notifications?access_token=t', false],
    ['POST', '/api/v1/notifications/stream?access_token=t', false],
    ['GET', '/api/v1/notifications/stream?access_token=t', true],
    ['GET', '/api/v1/conversations/ws?access_token=t', false],
    ['GET', '/api/v1/conversations?access_token=t', true],
    ['GET', '/api/v1/notifications/stream/?access_token=t', false],
  ] as const)('leaves %s %s (upgrade: %s) alone', (method, url, upgrade) => {
    const other = request(method, url);
    moveQueryAccessToken(other, upgrade);
    expect(other.url).toBe(url);
    expect(other.headers.authorization).toBeUndefined();
  });
});
