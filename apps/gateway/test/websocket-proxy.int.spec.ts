import { waitFor } from '@marketplace/testing';
import { closedPortUrl } from './support/upstream-server';
import { StreamingRig, type ListeningGateway } from './support/streaming-rig';
import { nextMessage, openWebSocket, opened, refused } from './support/websocket-client';

describe('gateway WebSocket proxy', () => {
  let rig: StreamingRig;
  let gateway: ListeningGateway;
  let token: string;
  let url: string;

  beforeAll(async () => {
    rig = await StreamingRig.start();
    gateway = await rig.gateway({ UPSTREAM_TIMEOUT_MS: '300', UPSTREAM_CONNECT_TIMEOUT_MS: '300' });
    token = await rig.issuer.sign({ sub: 'user-1' });
    url = `${gateway.wsBase}/api/v1/conversations/ws`;
  });

  afterAll(() => rig?.close());

  afterEach(() => rig.upstream.restoreDefaults());

  it('carries messages both ways, unchanged, between the client and the service', async () => {
    const ws = opened(await openWebSocket(url, { authorization: `Bearer ${token}` }));
    const service = rig.upstream.lastSocket();
    ws.send('hello from the client');
    await waitFor(() => rig.upstream.messages.includes('hello from the client'), { timeoutMs: 2000 });
    const pushed = nextMessage(ws);
    service.send('hello from the service');
    expect(await pushed).toBe('hello from the service');
    // A message far larger than a socket buffer crosses intact, both ways.
    const large = 'x'.repeat(512 * 1024);
    const echoed = nextMessage(ws);
    service.once('message', (data) => service.send(data.toString()));
    ws.send(large);
    expect(await echoed).toBe(large);
    ws.close();
  });

  it("passes the handshake to the owning service with the client's token and the forwarding headers, and echoes the request id", async () => {
    const handshake = await openWebSocket(`${url}?conversation=c-1`, { authorization: `Bearer ${token}`, 'x-user-id': 'admin', 'x-request-id': 'ws-req-1' });
    const ws = opened(handshake);
    const received = rig.upstream.lastHandshake();
    expect(received.url).toBe('/conversations/ws?conversation=c-1');
    expect(received.headers).toMatchObject({
      authorization: `Bearer ${token}`,
      upgrade: 'websocket',
      'x-request-id': 'ws-req-1',
      'x-forwarded-for': '127.0.0.1',
      'x-forwarded-proto': 'http',
      'x-forwarded-host': new URL(gateway.httpBase).host,
    });
    expect(received.headers['x-user-id']).toBeUndefined();
    expect(handshake.opened && handshake.headers['x-request-id']).toBe('ws-req-1');
    ws.close();
  });

  it('answers a handshake without a valid token with 401 in the standard format, and opens nothing at the service', async () => {
    const before = rig.upstream.handshakes.length;
    const attempts: Array<Record<string, string>> = [{}, { authorization: 'Bearer not-a-jwt' }, { authorization: `Bearer ${rig.issuer.forgeUnsigned({ sub: 'user-1' })}` }];
    for (const headers of attempts) {
      const answer = refused(await openWebSocket(url, headers));
      expect(answer.status).toBe(401);
      expect(answer.headers['content-type']).toMatch(/^application\/json/);
      expect(answer.json.error).toMatchObject({ code: 'unauthenticated', details: [], request_id: answer.headers['x-request-id'] });
      expect(Date.parse(String(answer.json.error.timestamp))).not.toBeNaN();
    }
    expect(rig.upstream.handshakes.length).toBe(before);
  });

  it('answers an unknown path with 404 in the standard format', async () => {
    for (const path of ['/api/v1/chat/ws', '/api/v1']) {
      const answer = refused(await openWebSocket(`${gateway.wsBase}${path}`, { authorization: `Bearer ${token}` }));
      expect([path, answer.status, answer.json.error.code]).toEqual([path, 404, 'not_found']);
    }
  });

  it("passes a service's refusal through: its status and its body", async () => {
    rig.upstream.refusal = { status: 403, body: { error: { code: 'forbidden', message: 'Not a party to this conversation.' } } };
    const answer = refused(await openWebSocket(url, { authorization: `Bearer ${token}` }));
    expect(answer.status).toBe(403);
    expect(answer.json).toEqual(rig.upstream.refusal.body);
  });

  it('answers 503 dependency_unavailable when the service is down, and 504 when it does not answer the handshake in time', async () => {
    const down = await rig.gateway({ NOTIFICATIONS_URL: await closedPortUrl() });
    const unavailable = refused(await openWebSocket(`${down.wsBase}/api/v1/conversations/ws`, { authorization: `Bearer ${token}` }));
    expect(unavailable.status).toBe(503);
    expect(unavailable.json.error).toMatchObject({ code: 'dependency_unavailable', message: 'The notifications service is unavailable.' });
    rig.upstream.answerDelayMs = 1500;
    const late = refused(await openWebSocket(url, { authorization: `Bearer ${token}` }));
    expect([late.status, late.json.error.code]).toEqual([504, 'upstream_timeout']);
  });

  it('limits handshakes per IP address and per user like requests: 429 with Retry-After', async () => {
    for (const [variable, who] of [['RATE_LIMIT_IP_MAX', /this address/], ['RATE_LIMIT_USER_MAX', /this user/]] as const) {
      const limited = await rig.gateway({ [variable]: '1' });
      const first = opened(await openWebSocket(`${limited.wsBase}/api/v1/conversations/ws`, { authorization: `Bearer ${token}` }));
      const answer = refused(await openWebSocket(`${limited.wsBase}/api/v1/conversations/ws`, { authorization: `Bearer ${token}` }));
      expect(answer.status).toBe(429);
      expect(answer.json.error.message).toMatch(who);
      expect(Number(answer.headers['retry-after'])).toBeGreaterThan(0);
      first.close();
    }
  });
});
