import type { FastifyInstance } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';

/** What helmet does to a response: the headers it sets, in order, and those it removes. */
export interface SecurityHeaders {
  set: ReadonlyArray<readonly [name: string, value: string]>;
  removed: readonly string[];
}

/**
 * The headers `helmet(options)` writes, found by running its middleware once against a response that
 * records them. With static options (no per-request directive functions, no nonces) they are the same
 * for every response, so they are worked out once instead of building helmet's middleware per request
 * as `@fastify/helmet` does.
 */
export function helmetHeaders(options: HelmetOptions): SecurityHeaders {
  const set: [string, string][] = [];
  const removed: string[] = [];
  const recorder = {
    setHeader: (name: string, value: string | number | readonly string[]) => {
      if (typeof value !== 'string') throw new Error(`helmet set ${name} to a non-string value; the gateway's headers must be static`);
      set.push([name, value]);
    },
    removeHeader: (name: string) => removed.push(name),
  };
  let finished = false;
  helmet(options)({} as never, recorder as never, (error?: unknown) => {
    if (error) throw error;
    finished = true;
  });
  if (!finished) throw new Error('helmet did not finish synchronously');
  return { set, removed };
}

/**
 * Sets helmet's security headers on every response (before any other hook may answer, so errors carry
 * them too). A route may replace parts of the options with `config.helmet` (merged over these, as
 * `@fastify/helmet` did): `/docs` lets Swagger UI run.
 */
export function registerSecurityHeaders(fastify: FastifyInstance, options: HelmetOptions): void {
  const global = helmetHeaders(options);
  const perRoute = new WeakMap<object, SecurityHeaders>();
  fastify.addHook('onRequest', (request, reply, done) => {
    const routeOptions = (request.routeOptions.config as { helmet?: HelmetOptions } | undefined)?.helmet;
    let headers = global;
    if (routeOptions) {
      headers = perRoute.get(routeOptions) ?? helmetHeaders(Object.assign({}, options, routeOptions) as HelmetOptions);
      perRoute.set(routeOptions, headers);
    }
    const response = reply.raw;
    for (const [name, value] of headers.set) response.setHeader(name, value);
    for (const name of headers.removed) response.removeHeader(name);
    done();
  });
}
