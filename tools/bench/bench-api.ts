/** The marketplace's public API as the benchmark's clients call it: JSON over fetch, a bearer token, a status to insist on. */
export class BenchApi {
  constructor(readonly base: string) {}

  async call(method: string, path: string, options: { token?: string; body?: unknown; headers?: Record<string, string>; expect?: number } = {}): Promise<{ status: number; body: Record<string, unknown> }> {
    const response = await fetch(`${this.base}${path}`, {
      method,
      headers: {
        ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        ...options.headers,
      },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: AbortSignal.timeout(30_000),
    });
    const text = await response.text();
    const body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
    if (options.expect !== undefined && response.status !== options.expect) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
    return { status: response.status, body };
  }
}
