import { DependencyUnavailableError } from '@marketplace/platform';
import { Agent, request as httpRequest, type IncomingMessage, type OutgoingHttpHeaders } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { Duplex } from 'node:stream';
import { UpstreamTimeoutError } from './upstream-errors';

export interface UpstreamTimeouts {
  connectMs: number;
  /** From sending the request until the response headers; also the longest silence in a non-streaming body. */
  responseMs: number;
}

export interface UpstreamRequest {
  service: string;
  baseUrl: string;
  method: string;
  /** Path and query, e.g. `/auth/login?x=1`. */
  pathAndQuery: string;
  headers: OutgoingHttpHeaders;
  body: Buffer | undefined;
  /** Aborted when the client goes away: the service's work on its behalf is cancelled. */
  signal?: AbortSignal;
  /** An upgrade request (its headers ask to switch protocols): a 101 hands the connection over. */
  upgrade?: boolean;
}

/** The service's response; after a 101, also the connection it switched, now the caller's. */
export interface UpstreamAnswer {
  response: IncomingMessage;
  switched?: Duplex;
}

const httpAgent = new Agent({ keepAlive: true });
const httpsAgent = new HttpsAgent({ keepAlive: true });

/**
 * Sends one request to a service and resolves with its response once the headers arrive; the body is
 * left as a stream for the caller to pass on unbuffered. A refused or failed connection rejects with
 * DependencyUnavailableError (503); a service that takes too long with UpstreamTimeoutError (504).
 * Server-sent event streams and switched connections have no idle limit: they may stay quiet.
 */
export function sendUpstream(upstream: UpstreamRequest, timeouts: UpstreamTimeouts): Promise<UpstreamAnswer> {
  const url = new URL(upstream.pathAndQuery, upstream.baseUrl);
  const secure = url.protocol === 'https:';
  return new Promise((resolve, reject) => {
    let settled = false;
    const fail = (error: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(responseTimer);
      request.destroy();
      reject(error);
    };
    const answer = (response: IncomingMessage, switched?: Duplex) => {
      settled = true;
      clearTimeout(responseTimer);
      resolve({ response, switched });
    };
    const request = (secure ? httpsRequest : httpRequest)(url, {
      method: upstream.method,
      headers: upstream.headers,
      agent: secure ? httpsAgent : httpAgent,
      signal: upstream.signal,
    });
    const responseTimer = setTimeout(
      () => fail(new UpstreamTimeoutError(`The ${upstream.service} service did not answer within ${timeouts.responseMs} ms.`)),
      timeouts.connectMs + timeouts.responseMs,
    );
    request.once('socket', (socket) => {
      if (!socket.connecting) return;
      const connectTimer = setTimeout(
        () => fail(new DependencyUnavailableError(`The ${upstream.service} service could not be reached in time.`)),
        timeouts.connectMs,
      );
      socket.once('connect', () => clearTimeout(connectTimer));
      socket.once('close', () => clearTimeout(connectTimer));
    });
    request.once('response', (response) => {
      if (!isEventStream(response)) {
        response.setTimeout(timeouts.responseMs, () => response.destroy(new UpstreamTimeoutError(`The ${upstream.service} service stopped sending its response.`)));
      }
      answer(response);
    });
    if (upstream.upgrade) {
      request.once('upgrade', (response: IncomingMessage, socket: Duplex, head: Buffer) => {
        // What the service sent right after its 101 goes to the client first.
        if (head.length > 0) socket.unshift(head);
        answer(response, socket);
      });
    }
    request.once('error', (error) => fail(unavailable(upstream.service, error)));
    request.end(upstream.body);
  });
}

function unavailable(service: string, error: Error): DependencyUnavailableError {
  return new DependencyUnavailableError(`The ${service} service is unavailable.`, { cause: error });
}

function isEventStream(response: IncomingMessage): boolean {
  return (response.headers['content-type'] ?? '').startsWith('text/event-stream');
}
