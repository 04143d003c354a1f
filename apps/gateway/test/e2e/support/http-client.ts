/** One answer, its body parsed as JSON when it is JSON. */
export interface HttpAnswer {
  status: number;
  headers: Headers;
  body: unknown;
  text: string;
}

export interface HttpRequest {
  method?: string;
  /** Sent as JSON unless `raw` is given. */
  json?: unknown;
  /** Sent as is, e.g. invalid JSON or a wrong content type. */
  raw?: string | Buffer;
  token?: string;
  headers?: Record<string, string>;
}

/** A small fetch client for one base URL (the gateway's `/api/v1`, or a service directly). */
export class HttpClient {
  constructor(readonly baseUrl: string) {}

  async request(path: string, request: HttpRequest = {}): Promise<HttpAnswer> {
    const headers: Record<string, string> = {};
    let body: string | Buffer | undefined;
    if (request.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(request.json);
    }
    if (request.raw !== undefined) body = request.raw;
    if (request.token !== undefined) headers.authorization = `Bearer ${request.token}`;
    Object.assign(headers, request.headers);
    const response = await fetch(`${this.baseUrl}${path}`, {
      method: request.method ?? (body === undefined ? 'GET' : 'POST'),
      headers,
      body,
      signal: AbortSignal.timeout(15_000),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: parseJson(text), text };
  }

  get(path: string, token?: string): Promise<HttpAnswer> {
    return this.request(path, { token });
  }

  post(path: string, json: unknown, token?: string): Promise<HttpAnswer> {
    return this.request(path, { method: 'POST', json, token });
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
