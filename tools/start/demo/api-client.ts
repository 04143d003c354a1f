/** One answer of the API: status and parsed JSON body (the standard error body on failures). */
export interface ApiAnswer<T = unknown> {
  status: number;
  body: T;
}

export interface ApiRequest {
  method?: string;
  json?: unknown;
  token?: string;
  headers?: Record<string, string>;
}

export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly what: string,
    readonly answer: ApiAnswer,
  ) {
    super(`${what}: ${answer.status} ${JSON.stringify(answer.body)}`);
  }

  get code(): string | undefined {
    return errorCode(this.answer);
  }
}

/** The `error.code` of a standard error body. */
export function errorCode(answer: ApiAnswer): string | undefined {
  return (answer.body as { error?: { code?: string } } | undefined)?.error?.code;
}

const ATTEMPTS = 8;

/**
 * A small fetch client for the gateway's /api/v1. A refused connection, a 503 (a service still
 * warming up) and a 429 (waiting Retry-After) are retried a few times; any other answer is returned.
 */
export class ApiClient {
  constructor(readonly baseUrl: string) {}

  async request<T = unknown>(path: string, request: ApiRequest = {}): Promise<ApiAnswer<T>> {
    for (let attempt = 1; ; attempt++) {
      const answer = await this.send<T>(path, request).catch((error: Error) => error);
      const retryable = answer instanceof Error || answer.status === 503 || answer.status === 429;
      if (!retryable || attempt === ATTEMPTS) {
        if (answer instanceof Error) throw answer;
        return answer;
      }
      await sleep(answer instanceof Error ? 250 * attempt : retryAfterMs(answer, attempt));
    }
  }

  /** The body of an answer with the `expected` status; anything else is an ApiError naming `what`. */
  async expect<T = Record<string, unknown>>(expected: number | number[], what: string, path: string, request: ApiRequest = {}): Promise<T> {
    const answer = await this.request<T>(path, request);
    if (![expected].flat().includes(answer.status)) throw new ApiError(what, answer);
    return answer.body;
  }

  private async send<T>(path: string, request: ApiRequest): Promise<ApiAnswer<T> & { retryAfter?: string }> {
    const headers: Record<string, string> = { ...request.headers };
    if (request.json !== undefined) headers['content-type'] = 'application/json';
    if (request.token) headers.authorization = `Bearer ${request.token}`;
    const response = await fetch(`${this.baseUrl}${path}`, {
      method: request.method ?? (request.json === undefined ? 'GET' : 'POST'),
      headers,
      body: request.json === undefined ? undefined : JSON.stringify(request.json),
      signal: AbortSignal.timeout(30_000),
    });
    const text = await response.text();
    return { status: response.status, body: parseBody(text) as T, retryAfter: response.headers.get('retry-after') ?? undefined };
  }
}

function retryAfterMs(answer: { retryAfter?: string }, attempt: number): number {
  const seconds = Number(answer.retryAfter);
  return Number.isFinite(seconds) && seconds > 0 ? Math.min(seconds, 30) * 1000 : 250 * attempt;
}

function parseBody(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return text;
  }
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
