import { waitFor } from '@marketplace/testing';
import { StreamingRig, type ListeningGateway } from './support/streaming-rig';
import { closed, openWebSocket, opened, refused } from './support/websocket-client';

describe('gateway access_token query parameter (EventSource and WebSocket)', () => {
  let rig: StreamingRig;
  let gateway: ListeningGateway;
  let token: string;
  const logLines: string[] = [];

  beforeAll(async () => {
    rig = await StreamingRig.start();
    rig.notifications.handler = (_request, response) => response.writeHead(200, { 'content-type': 'text/event-stream' }).end('data: hi\n\n');
    // At debug: the gateway's line for a request a service answered is written at debug (the service logs it at info).
    gateway = await rig.gateway({}, { write: (line: string) => logLines.push(line) }, 'debug');
    token = await rig.issuer.sign({ sub: 'user-1' });
  });

  afterAll(() => rig?.close());

  it("opens the event stream with the query's token: the service gets it as a header, neither it nor the gateway's log sees it in a URL", async () => {
    const response = await fetch(`${gateway.httpBase}/api/v1/notifications/stream?since=5&access_token=${token}`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('data: hi\n\n');
    expect(rig.notifications.last()).toMatchObject({ url: '/notifications/stream?since=5', headers: { authorization: `Bearer ${token}` } });
    const logged = await waitFor(() => logLines.find((line) => line.includes('"request completed"') && line.includes('/notifications/stream')));
    expect(JSON.parse(logged)).toMatchObject({ level: 'debug', url: '/api/v1/notifications/stream?since=5' });
    expect(logLines.join('\n')).not.toContain(token);
  });

  it("opens the conversations WebSocket with the query's token; the service's URL and the tunnel's log line go without it", async () => {
    const ws = opened(await openWebSocket(`${gateway.wsBase}/api/v1/conversations/ws?access_token=${token}&conversation=c-1`));
    expect(rig.upstream.lastHandshake()).toMatchObject({ url: '/conversations/ws?conversation=c-1', headers: { authorization: `Bearer ${token}` } });
    const tunnelClosed = closed(ws);
    ws.close();
    await tunnelClosed;
    const logged = await waitFor(() => logLines.find((line) => line.includes('"tunnel closed"')));
    expect(JSON.parse(logged)).toMatchObject({ url: '/api/v1/conversations/ws?conversation=c-1', status: 101 });
    expect(logLines.join('\n')).not.toContain(token);
  });

  it('lets an Authorization header win over a query token, which is removed all the same', async () => {
    const response = await fetch(`${gateway.httpBase}/api/v1/notifications/stream?access_token=not-a-jwt`, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    expect(rig.notifications.last()).toMatchObject({ url: '/notifications/stream', headers: { authorization: `Bearer ${token}` } });
    opened(await openWebSocket(`${gateway.wsBase}/api/v1/conversations/ws?access_token=not-a-jwt`, { authorization: `Bearer ${token}` })).close();
    expect(rig.upstream.lastHandshake()).toMatchObject({ url: '/conversations/ws', headers: { authorization: `Bearer ${token}` } });
  });

  it('refuses an invalid query token with 401, and takes none on any other route', async () => {
    const before = rig.notifications.received.length + rig.upstream.handshakes.length;
    const invalid = await fetch(`${gateway.httpBase}/api/v1/notifications/stream?access_token=not-a-jwt`);
    expect(invalid.status).toBe(401);
    expect(((await invalid.json()) as { error: { code: string } }).error.code).toBe('unauthenticated');
    // The WebSocket path without an upgrade, and other routes, are not streaming endpoints.
    for (const path of ['/api/v1/notifications', '/api/v1/conversations/ws']) {
      const response = await fetch(`${gateway.httpBase}${path}?access_token=${token}`);
      expect([path, response.status]).toEqual([path, 401]);
    }
    expect(refused(await openWebSocket(`${gateway.wsBase}/api/v1/conversations?access_token=${token}`)).status).toBe(401);
    expect(rig.notifications.received.length + rig.upstream.handshakes.length).toBe(before);
  });
});
