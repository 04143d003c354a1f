import { connect } from 'node:net';
import { WebSocket } from 'ws';
import { StreamingRig, type ListeningGateway } from './support/streaming-rig';
import { closed, nextMessage, openWebSocket, opened, rawExchange, within } from './support/websocket-client';

const HANDSHAKE = 'GET /api/v1/conversations/ws HTTP/1.1\r\nHost: gateway\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n';

/** A client's text frame (clients must mask theirs, RFC 6455 §5.3). */
function maskedTextFrame(text: string): Buffer {
  const payload = Buffer.from(text);
  const mask = Buffer.from([0x11, 0x22, 0x33, 0x44]);
  return Buffer.concat([Buffer.from([0x81, 0x80 | payload.length]), mask, payload.map((byte, i) => byte ^ (mask[i % 4] ?? 0))]);
}

describe('gateway WebSocket tunnels', () => {
  let rig: StreamingRig;
  let gateway: ListeningGateway;
  let token: string;
  let url: string;

  beforeAll(async () => {
    rig = await StreamingRig.start();
    gateway = await rig.gateway();
    token = await rig.issuer.sign({ sub: 'user-1' });
    url = `${gateway.wsBase}/api/v1/conversations/ws`;
  });

  afterAll(() => rig?.close());

  afterEach(() => rig.upstream.restoreDefaults());

  it('closes the service side when the client closes, and the client side when the service closes, drops or resets', async () => {
    const byClient = opened(await openWebSocket(url, { authorization: `Bearer ${token}` }));
    const serviceClosed = closed(rig.upstream.lastSocket());
    byClient.close(4000, 'bye');
    expect(await within(serviceClosed, 2000, 'the service side closing')).toBe(4000);

    const byService = opened(await openWebSocket(url, { authorization: `Bearer ${token}` }));
    const clientClosed = closed(byService);
    rig.upstream.lastSocket().close(4001, 'done');
    expect(await within(clientClosed, 2000, 'the client side closing')).toBe(4001);

    for (const drop of [() => rig.upstream.lastSocket().terminate(), () => rig.upstream.resetLastConnection()]) {
      const dropped = opened(await openWebSocket(url, { authorization: `Bearer ${token}` }));
      const droppedClosed = closed(dropped);
      drop();
      expect(await within(droppedClosed, 2000, 'the client side closing')).toBe(1006);
    }
  });

  it('delivers bytes that arrive with either side\'s handshake: a client frame sent with the request, a greeting sent with the 101', async () => {
    const answer = rawExchange(url, Buffer.concat([Buffer.from(`${HANDSHAKE}Authorization: Bearer ${token}\r\n\r\n`), maskedTextFrame('early')]));
    await within(
      (async () => {
        while (!rig.upstream.messages.includes('early')) await new Promise((resolve) => setTimeout(resolve, 20));
      })(),
      2000,
      'the early client frame at the service',
    );
    rig.upstream.lastSocket().terminate();
    expect(await answer).toMatch(/^HTTP\/1\.1 101 /);

    rig.upstream.greeting = 'welcome';
    // Listening before the handshake: a message that comes with the 101 is emitted right after `open`.
    const ws = new WebSocket(url, { headers: { authorization: `Bearer ${token}` } });
    expect(await within(nextMessage(ws), 2000, 'the greeting')).toBe('welcome');
    ws.close();
  });

  it('answers a refused handshake as an HTTP/1.1 response and then closes the connection', async () => {
    const answer = await within(rawExchange(url, `${HANDSHAKE}\r\n`), 2000, 'the gateway closing the connection');
    const [head = '', body = ''] = answer.split('\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1\.1 401 Unauthorized\r\n/);
    expect(head.toLowerCase()).toContain('connection: close');
    expect(JSON.parse(body).error.code).toBe('unauthenticated');
  });

  it('survives clients that reset mid-handshake or send malformed requests, and serves the next one', async () => {
    rig.upstream.refusal = { status: 403, body: { error: { code: 'forbidden' } } };
    rig.upstream.answerDelayMs = 200;
    const before = rig.upstream.handshakes.length;
    const leaver = connect(Number(new URL(url).port), '127.0.0.1');
    leaver.on('error', () => undefined);
    leaver.write(`${HANDSHAKE}Authorization: Bearer ${token}\r\n\r\n`);
    await within(
      (async () => {
        while (rig.upstream.handshakes.length === before) await new Promise((resolve) => setTimeout(resolve, 10));
      })(),
      2000,
      'the handshake at the service',
    );
    leaver.resetAndDestroy();
    for (const garbage of [`${HANDSHAKE}not a header\r\n\r\n`, 'GET /api/v1/conversations/ws HTTP/1.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nContent-Length: x\r\n\r\n']) {
      expect(await within(rawExchange(url, garbage), 2000, 'an answer to a malformed request')).toMatch(/^HTTP\/1\.1 400 /);
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    rig.upstream.restoreDefaults();
    opened(await openWebSocket(url, { authorization: `Bearer ${token}` })).close();
  });

  it('closes open tunnels when the gateway shuts down, and the shutdown completes', async () => {
    const own = await rig.gateway();
    const ws = opened(await openWebSocket(`${own.wsBase}/api/v1/conversations/ws`, { authorization: `Bearer ${token}` }));
    const serviceClosed = closed(rig.upstream.lastSocket());
    const clientClosed = closed(ws);
    await within(own.app.close(), 3000, 'the gateway shutting down');
    expect(await within(clientClosed, 2000, 'the client side closing')).toBe(1006);
    expect(await within(serviceClosed, 2000, 'the service side closing')).toBe(1006);
  });
});
