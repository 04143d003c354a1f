import { session, type Tokens } from './session';

/** The standard error body's `error` (DESIGN.md), or what the console could tell of a failure without one. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly requestId?: string,
  ) {
    super(message);
  }
}

type Query = Record<string, string | number | undefined>;

const BASE = '/api/v1/';

/** Called when the session can no longer be renewed: the console goes back to sign-in. */
let onSessionEnded: () => void = () => undefined;
export function whenSessionEnds(listener: () => void): void {
  onSessionEnded = listener;
}

export function get<T>(path: string, query: Query = {}): Promise<T> {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value !== undefined && value !== '') params.set(name, String(value));
  const search = params.toString() ? `?${params}` : '';
  return call<T>('GET', path + search);
}

export function post<T>(path: string, body: unknown = {}): Promise<T> {
  return call<T>('POST', path, body);
}

/** One call to the API with the session's token; a 401 renews the token once with the refresh token and tries again. */
async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  let response = await send(method, path, body, session.tokens()?.accessToken);
  if (response.status === 401 && session.tokens()) {
    const renewed = await renew();
    if (!renewed) {
      session.end();
      onSessionEnded();
      throw new ApiError(401, 'session_ended', 'Your session has ended. Sign in again.');
    }
    response = await send(method, path, body, renewed.accessToken);
  }
  return read<T>(response);
}

async function renew(): Promise<Tokens | undefined> {
  const refreshToken = session.tokens()?.refreshToken;
  if (!refreshToken) return undefined;
  const response = await send('POST', 'auth/refresh', { refreshToken });
  if (!response.ok) return undefined;
  const tokens = (await response.json()) as Tokens;
  session.hold(tokens);
  return tokens;
}

function send(method: string, path: string, body: unknown, token?: string): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  return fetch(BASE + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'omit', cache: 'no-store' }).catch((error: unknown) => {
    throw new ApiError(0, 'network_error', `The API could not be reached (${error instanceof Error ? error.message : String(error)}).`);
  });
}

async function read<T>(response: Response): Promise<T> {
  const text = await response.text();
  const parsed = text ? (safeJson(text) as { error?: { code?: string; message?: string; request_id?: string } } | undefined) : undefined;
  if (response.ok) return parsed as T;
  const error = parsed?.error;
  throw new ApiError(response.status, error?.code ?? `http_${response.status}`, error?.message ?? `The API answered ${response.status} ${response.statusText}.`, error?.request_id);
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
