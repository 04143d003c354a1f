import type { PaymentsTestApp } from './payments-app';
import { randomUUID } from 'node:crypto';

export interface Caller {
  id: string;
  token: string;
}

/** A signed-in user with these roles. */
export async function caller(app: PaymentsTestApp, roles: ('buyer' | 'seller' | 'admin')[], id: string = randomUUID()): Promise<Caller> {
  return { id, token: await app.issuer.sign({ sub: id, email: `${id}@example.com`, roles }) };
}

export interface Answer {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

export async function call(
  app: PaymentsTestApp,
  method: 'GET' | 'POST',
  url: string,
  options: { body?: unknown; raw?: string; as?: Caller; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const response = await app.service.app.inject({
    method,
    url,
    payload: options.raw ?? (options.body === undefined ? undefined : (options.body as object)),
    headers: { ...(options.as ? { authorization: `Bearer ${options.as.token}` } : {}), ...options.headers },
  });
  return { status: response.statusCode, body: response.body ? response.json() : undefined };
}

/** The standard error body, with this code. */
export function errorBody(code: string) {
  return { error: { code, message: expect.any(String), details: expect.any(Array), request_id: expect.any(String), timestamp: expect.any(String) } };
}
