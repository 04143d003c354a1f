import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { DependencyUnavailableError, PLATFORM_CONFIG } from '@marketplace/platform';
import { SpanStatusCode, type Span } from '@opentelemetry/api';
import { Agent, request as httpRequest, type IncomingHttpHeaders, type IncomingMessage, type OutgoingHttpHeaders } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { Readable, type Duplex } from 'node:stream';
import { Pool, type Dispatcher } from 'undici';
import type { GatewayConfig } from '../gateway-config';
import { IdleWatch, type WatchedBody } from './idle-watch';
import { startUpstreamSpan } from './upstream-span';
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
  /** An upgrade request (its headers ask to switch protocols): a 101 hands the connection over. */
  upgrade?: boolean;
}

/**
 * A service's answer: its status and headers, and its body: a stream to pass on unbuffered, or, for a
 * small body of announced length, its bytes (read whole before the answer resolves).
 */
export interface UpstreamResponse {
  statusCode: number;
  headers: IncomingHttpHeaders;
  body: Readable | Buffer;
}

/**
 * A body whose `content-length` announces at most this many bytes is read whole before it is passed on:
 * it arrives in a packet or a few anyway, and writing a buffer costs the gateway much less than piping a
 * stream (no stream, no pipe and end-of-stream listeners, one write). Anything larger, of unknown length,
 * or a server-sent event stream, is streamed.
 */
export const SMALL_BODY_BYTES = 64 * 1024;

/** The service's response; after a 101, also the connection it switched, now the caller's. */
export type UpstreamAnswer = { response: UpstreamResponse; switched?: undefined } | { response: IncomingMessage; switched: Duplex };

/** Filled in by `send`: the client went away, so the service's work on its behalf is cancelled (before or during the response). */
export interface Cancellation {
  cancel?: () => void;
}

/**
 * Sends requests to the services. Ordinary requests go through one undici pool per service: kept-alive
 * connections, one request at a time on each (no pipelining), as many connections as requests in flight.
 * Each resolves once the response headers arrive; the body is left as a stream for the caller to pass on
 * unbuffered. A refused or failed connection rejects with DependencyUnavailableError (503); a service
 * that takes too long with UpstreamTimeoutError (504). Server-sent event streams have no idle limit.
 * Upgrade requests (WebSockets) go through `node:http`, which hands over the switched connection.
 */
@Injectable()
export class UpstreamClient implements OnApplicationShutdown {
  private readonly pools = new Map<string, Pool>();
  private readonly timeouts: UpstreamTimeouts;
  /** The idle limit of non-streaming bodies (UPSTREAM_TIMEOUT_MS of silence). */
  private readonly idleBodies: IdleWatch;

  constructor(@Inject(PLATFORM_CONFIG) config: GatewayConfig) {
    this.timeouts = { connectMs: config.UPSTREAM_CONNECT_TIMEOUT_MS, responseMs: config.UPSTREAM_TIMEOUT_MS };
    this.idleBodies = new IdleWatch(config.UPSTREAM_TIMEOUT_MS);
  }

  send(upstream: UpstreamRequest, cancellation: Cancellation = {}): Promise<UpstreamAnswer> {
    if (upstream.upgrade) return sendUpgrade(upstream, this.timeouts, cancellation);
    return new Promise((resolve, reject) => {
      const span = startUpstreamSpan(upstream.method, upstream.baseUrl, upstream.pathAndQuery, upstream.headers);
      const handler = new ProxyHandler(upstream.service, upstream.method, this.idleBodies, span, resolve, reject);
      cancellation.cancel = () => handler.cancel();
      this.pool(upstream.baseUrl).dispatch(
        {
          method: upstream.method as Dispatcher.HttpMethod,
          path: requestTarget(upstream.pathAndQuery, upstream.baseUrl),
          headers: upstream.headers as Record<string, string | string[]>,
          body: upstream.body,
          headersTimeout: this.timeouts.responseMs,
          // The body's idle limit is the handler's: it depends on the response's content type.
          bodyTimeout: 0,
        },
        handler,
      );
    });
  }

  async onApplicationShutdown(): Promise<void> {
    const pools = [...this.pools.values()];
    this.pools.clear();
    this.idleBodies.close();
    await Promise.all(pools.map((pool) => pool.destroy()));
  }

  private pool(baseUrl: string): Pool {
    let pool = this.pools.get(baseUrl);
    if (!pool) {
      pool = new Pool(new URL(baseUrl).origin, { pipelining: 1, connect: { timeout: this.timeouts.connectMs } });
      this.pools.set(baseUrl, pool);
    }
    return pool;
  }
}

/** Set when the client went away before the service answered. */
class ClientGone extends Error {}

/** One request's undici handler: resolves with the response head, then feeds the body stream (with backpressure). */
class ProxyHandler implements Dispatcher.DispatchHandler {
  private controller: Dispatcher.DispatchController | undefined;
  private body: Readable | undefined;
  /** A small body being read whole: its head, and its chunks so far. */
  private whole: { statusCode: number; headers: IncomingHttpHeaders; chunks: Buffer[] } | undefined;
  private idle: WatchedBody | undefined;
  private cancelled = false;
  private done = false;

  constructor(
    private readonly service: string,
    private readonly method: string,
    private readonly idleBodies: IdleWatch,
    private readonly span: Span,
    private readonly resolve: (answer: UpstreamAnswer) => void,
    private readonly reject: (error: Error) => void,
  ) {}

  cancel(): void {
    if (this.done || this.cancelled) return;
    this.cancelled = true;
    this.controller?.abort(new ClientGone('the client went away'));
  }

  onRequestStart(controller: Dispatcher.DispatchController): void {
    this.controller = controller;
    if (this.cancelled) controller.abort(new ClientGone('the client went away'));
  }

  onResponseStart(controller: Dispatcher.DispatchController, statusCode: number, headers: IncomingHttpHeaders): void {
    // 1xx (100 Continue, 103 Early Hints) are interim: the final response follows.
    if (statusCode < 200) return;
    this.span.setAttribute('http.response.status_code', statusCode);
    if (statusCode >= 400) this.span.setStatus({ code: SpanStatusCode.ERROR });
    if (isSmall(headers, this.method)) {
      this.whole = { statusCode, headers, chunks: [] };
      this.idle = this.idleBodies.watch(() => controller.abort(new UpstreamTimeoutError(`The ${this.service} service stopped sending its response.`)));
      return;
    }
    const body = new Readable({
      read: () => controller.resume(),
      destroy: (error, callback) => {
        this.stopIdleWatch();
        // Destroyed before its end (the client went away, or the service went quiet): the service's connection goes too.
        if (!this.done) controller.abort(error ?? new ClientGone('the response was abandoned'));
        callback(error);
      },
    });
    this.body = body;
    if (!isEventStream(headers)) this.idle = this.idleBodies.watch(() => body.destroy(new UpstreamTimeoutError(`The ${this.service} service stopped sending its response.`)));
    this.resolve({ response: { statusCode, headers, body } });
  }

  onResponseData(controller: Dispatcher.DispatchController, chunk: Buffer): void {
    this.idle?.touch();
    if (this.whole) this.whole.chunks.push(chunk);
    else if (this.body && !this.body.push(chunk)) controller.pause();
  }

  onResponseEnd(): void {
    this.done = true;
    this.stopIdleWatch();
    this.span.end();
    if (this.whole) {
      const { statusCode, headers, chunks } = this.whole;
      this.resolve({ response: { statusCode, headers, body: chunks.length === 1 ? chunks[0] : Buffer.concat(chunks) } });
    } else {
      this.body?.push(null);
    }
  }

  onResponseError(_controller: Dispatcher.DispatchController, error: Error): void {
    const wasDone = this.done;
    this.done = true;
    this.stopIdleWatch();
    if (!wasDone) {
      this.span.recordException(error);
      this.span.setStatus({ code: SpanStatusCode.ERROR, message: error.message });
      this.span.end();
    }
    if (this.body) {
      if (!this.body.destroyed) this.body.destroy(error);
      return;
    }
    this.reject(answerFor(this.service, error));
  }

  private stopIdleWatch(): void {
    this.idle?.stop();
    this.idle = undefined;
  }
}

/** What an undici failure before the response head means to the client. */
function answerFor(service: string, error: Error): Error {
  // The handler's own: a small body that stopped arriving (504).
  if (error instanceof UpstreamTimeoutError) return error;
  const code = (error as { code?: string }).code;
  if (code === 'UND_ERR_HEADERS_TIMEOUT') return new UpstreamTimeoutError(`The ${service} service did not answer in time.`);
  if (code === 'UND_ERR_CONNECT_TIMEOUT') return new DependencyUnavailableError(`The ${service} service could not be reached in time.`, { cause: error });
  return unavailable(service, error);
}

/**
 * Characters that stand for themselves in a URL path and query: such a target is sent as it is. Anything
 * else (a backslash, a quote, a space, `#`, non-ASCII...) is sent as WHATWG URL parsing against the
 * service's base URL makes it, as it always was.
 */
const PLAIN_TARGET = /^\/[A-Za-z0-9\-._~!$&()*+,;=:@/%?]*$/;

function requestTarget(pathAndQuery: string, baseUrl: string): string {
  if (PLAIN_TARGET.test(pathAndQuery)) return pathAndQuery;
  const url = new URL(pathAndQuery, baseUrl);
  return url.pathname + url.search;
}

const upgradeHttpAgent = new Agent({ keepAlive: true });
const upgradeHttpsAgent = new HttpsAgent({ keepAlive: true });

/**
 * An upgrade request through `node:http`: a 101 resolves with the switched connection; any other answer
 * resolves as an ordinary response (the caller passes it on).
 */
function sendUpgrade(upstream: UpstreamRequest, timeouts: UpstreamTimeouts, cancellation: Cancellation): Promise<UpstreamAnswer> {
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
    const answer = (value: UpstreamAnswer) => {
      settled = true;
      clearTimeout(responseTimer);
      resolve(value);
    };
    const request = (secure ? httpsRequest : httpRequest)(url, { method: upstream.method, headers: upstream.headers, agent: secure ? upgradeHttpsAgent : upgradeHttpAgent });
    cancellation.cancel = () => request.destroy();
    const responseTimer = setTimeout(
      () => fail(new UpstreamTimeoutError(`The ${upstream.service} service did not answer within ${timeouts.responseMs} ms.`)),
      timeouts.connectMs + timeouts.responseMs,
    );
    request.once('socket', (socket) => {
      if (!socket.connecting) return;
      const connectTimer = setTimeout(() => fail(new DependencyUnavailableError(`The ${upstream.service} service could not be reached in time.`)), timeouts.connectMs);
      socket.once('connect', () => clearTimeout(connectTimer));
      socket.once('close', () => clearTimeout(connectTimer));
    });
    request.once('response', (response: IncomingMessage) => {
      if (!isEventStream(response.headers)) response.setTimeout(timeouts.responseMs, () => response.destroy(new UpstreamTimeoutError(`The ${upstream.service} service stopped sending its response.`)));
      answer({ response: { statusCode: response.statusCode ?? 502, headers: response.headers, body: response } });
    });
    request.once('upgrade', (response: IncomingMessage, socket: Duplex, head: Buffer) => {
      // What the service sent right after its 101 goes to the client first.
      if (head.length > 0) socket.unshift(head);
      answer({ response, switched: socket });
    });
    request.once('error', (error) => fail(unavailable(upstream.service, error)));
    request.end(upstream.body);
  });
}

function unavailable(service: string, error: Error): DependencyUnavailableError {
  return new DependencyUnavailableError(`The ${service} service is unavailable.`, { cause: error });
}

/** A body read whole: announced as at most SMALL_BODY_BYTES, not an event stream, and not the answer to a HEAD (which has none). */
function isSmall(headers: IncomingHttpHeaders, method: string): boolean {
  const length = headers['content-length'];
  if (typeof length !== 'string' || method === 'HEAD' || isEventStream(headers)) return false;
  const bytes = Number(length);
  return bytes >= 0 && bytes <= SMALL_BODY_BYTES;
}

function isEventStream(headers: IncomingHttpHeaders): boolean {
  const contentType = headers['content-type'];
  return typeof contentType === 'string' && contentType.startsWith('text/event-stream');
}
