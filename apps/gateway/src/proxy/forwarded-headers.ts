import type { IncomingHttpHeaders, OutgoingHttpHeaders } from 'node:http';
import { API_PREFIX, resolveRoute } from './route-table';

/** Headers that describe one connection, not the message (RFC 9110 §7.6.1): never forwarded. */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-authenticate', 'proxy-authorization', 'proxy-connection', 'te', 'trailer', 'transfer-encoding', 'upgrade']);

/**
 * Set by the gateway itself, so never taken from a client. `expect: 100-continue` was answered by the
 * gateway's own server, and the body arrives whole before it is forwarded: there is nothing to expect.
 */
const GATEWAY_OWNED = new Set(['host', 'content-length', 'forwarded', 'x-real-ip', 'x-request-id', 'expect']);

/** Identity and client-address claims: only the gateway may make them, and services still re-verify the token. */
const FORGEABLE_PREFIXES = ['x-user-', 'x-forwarded-'];

/** CORS is answered by the gateway for every route; a service's own CORS headers must not leak through. */
const GATEWAY_RESPONSE_OWNED = new Set(['x-request-id', 'content-security-policy', 'strict-transport-security', 'x-frame-options', 'x-content-type-options']);

export interface ClientRequestFacts {
  requestId: string;
  clientIp: string;
  protocol: string;
  host: string | undefined;
  bodyLength: number | undefined;
  /** The protocol a client asks to switch to (its `Upgrade` header on an upgrade request), asked of the service in turn. */
  upgrade?: string;
}

/** The headers sent to a service: the client's, minus hop-by-hop and forgeable ones, plus the gateway's own. */
export function upstreamRequestHeaders(incoming: IncomingHttpHeaders, facts: ClientRequestFacts): OutgoingHttpHeaders {
  const dropped = connectionListed(incoming.connection);
  const headers: OutgoingHttpHeaders = {};
  for (const name in incoming) {
    const value = incoming[name];
    if (value === undefined || HOP_BY_HOP.has(name) || GATEWAY_OWNED.has(name) || dropped.has(name)) continue;
    if (name.startsWith('x-') && FORGEABLE_PREFIXES.some((prefix) => name.startsWith(prefix))) continue;
    headers[name] = value;
  }
  headers['x-request-id'] = facts.requestId;
  headers['x-forwarded-for'] = facts.clientIp;
  headers['x-forwarded-proto'] = facts.protocol;
  if (facts.host) headers['x-forwarded-host'] = facts.host;
  if (facts.bodyLength !== undefined) headers['content-length'] = String(facts.bodyLength);
  if (facts.upgrade) {
    headers.connection = 'upgrade';
    headers.upgrade = facts.upgrade;
  }
  return headers;
}

/** The service's response headers that the client gets: hop-by-hop ones and those the gateway sets itself are left out. */
export function clientResponseHeaders(upstream: IncomingHttpHeaders): OutgoingHttpHeaders {
  const dropped = connectionListed(upstream.connection);
  const headers: OutgoingHttpHeaders = {};
  for (const name in upstream) {
    const value = upstream[name];
    if (value === undefined || HOP_BY_HOP.has(name) || dropped.has(name) || GATEWAY_RESPONSE_OWNED.has(name)) continue;
    if (name.startsWith('access-control-')) continue;
    headers[name] = name === 'location' && typeof value === 'string' ? publicLocation(value) : value;
  }
  return headers;
}

/** Services know only their own paths: a `Location` of `/orders/o-1` is `/api/v1/orders/o-1` to the client. */
function publicLocation(location: string): string {
  return location.startsWith('/') && !location.startsWith('//') && resolveRoute(API_PREFIX + location) ? API_PREFIX + location : location;
}

const NONE: ReadonlySet<string> = new Set();

/** `Connection: close, x-foo` also makes `x-foo` hop-by-hop (a header given twice arrives as a list). */
function connectionListed(connection: string | string[] | undefined): ReadonlySet<string> {
  // What nearly every client and service sends: checked before any splitting.
  if (!connection || connection === 'keep-alive' || connection === 'close') return NONE;
  const names = (Array.isArray(connection) ? connection.join(',') : connection).split(',').map((name) => name.trim().toLowerCase()).filter(Boolean);
  // The common `keep-alive` and `close` name no header: nothing more to drop.
  return names.every((name) => name === 'keep-alive' || name === 'close') ? NONE : new Set(names);
}
