import { clientResponseHeaders, upstreamRequestHeaders } from './forwarded-headers';

const facts = { requestId: 'req-1', clientIp: '203.0.113.7', protocol: 'https', host: 'api.example.com', bodyLength: 12 };

describe('upstreamRequestHeaders', () => {
  it("keeps the client's end-to-end headers and sets the gateway's own", () => {
    const headers = upstreamRequestHeaders(
      { authorization: 'Bearer t', 'content-type': 'application/json', accept: 'text/event-stream', 'idempotency-key': 'k-1', 'stripe-signature': 's' },
      facts,
    );
    expect(headers).toEqual({
      authorization: 'Bearer t',
      'content-type': 'application/json',
      accept: 'text/event-stream',
      'idempotency-key': 'k-1',
      'stripe-signature': 's',
      'x-request-id': 'req-1',
      'x-forwarded-for': '203.0.113.7',
      'x-forwarded-proto': 'https',
      'x-forwarded-host': 'api.example.com',
      'content-length': '12',
    });
  });

  it('drops hop-by-hop headers, those the Connection header names, identity claims and forwarding claims from the client', () => {
    const headers = upstreamRequestHeaders(
      {
        connection: 'keep-alive, X-Trace-Hop',
        'x-trace-hop': '1',
        'keep-alive': 'timeout=5',
        'transfer-encoding': 'chunked',
        te: 'trailers',
        upgrade: 'websocket',
        'proxy-authorization': 'Basic x',
        host: 'evil.example.com',
        'content-length': '999',
        'x-user-id': 'admin',
        'x-user-roles': 'admin',
        'x-forwarded-for': '10.0.0.1',
        'x-forwarded-host': 'evil.example.com',
        forwarded: 'for=10.0.0.1',
        'x-real-ip': '10.0.0.1',
        'x-request-id': 'client-chosen',
        expect: '100-continue',
      },
      { ...facts, bodyLength: undefined, host: undefined },
    );
    expect(headers).toEqual({ 'x-request-id': 'req-1', 'x-forwarded-for': '203.0.113.7', 'x-forwarded-proto': 'https' });
  });

  it("asks the service to switch to the client's protocol on an upgrade request, keeping the WebSocket handshake headers", () => {
    const headers = upstreamRequestHeaders(
      { connection: 'Upgrade', upgrade: 'websocket', 'sec-websocket-key': 'k==', 'sec-websocket-version': '13', 'sec-websocket-protocol': 'chat', authorization: 'Bearer t' },
      { ...facts, bodyLength: undefined, upgrade: 'websocket' },
    );
    expect(headers).toMatchObject({ connection: 'upgrade', upgrade: 'websocket', 'sec-websocket-key': 'k==', 'sec-websocket-version': '13', 'sec-websocket-protocol': 'chat', authorization: 'Bearer t' });
    expect(headers['content-length']).toBeUndefined();
  });
});

describe('clientResponseHeaders', () => {
  it("passes the service's headers except hop-by-hop, CORS and those the gateway sets itself", () => {
    const headers = clientResponseHeaders({
      'content-type': 'application/json',
      'content-length': '10',
      'cache-control': 'no-store',
      location: '/orders/o-1',
      'set-cookie': ['a=1', 'b=2'],
      connection: 'keep-alive',
      'keep-alive': 'timeout=5',
      'transfer-encoding': 'chunked',
      'access-control-allow-origin': '*',
      'x-request-id': 'other',
      'content-security-policy': 'default-src *',
    });
    expect(headers).toEqual({
      'content-type': 'application/json',
      'content-length': '10',
      'cache-control': 'no-store',
      location: '/api/v1/orders/o-1',
      'set-cookie': ['a=1', 'b=2'],
    });
  });

  it('rewrites a service-local Location to its public path, and leaves others alone', () => {
    expect(clientResponseHeaders({ location: '/orders/o-1?x=1' }).location).toBe('/api/v1/orders/o-1?x=1');
    for (const location of ['/api/v1/orders/o-1', '/unknown/x', 'https://stripe.example.com/pay', '//evil.example.com/orders']) {
      expect(clientResponseHeaders({ location }).location).toBe(location);
    }
  });
});
