import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { ErrorResponse } from '@marketplace/platform';

/** Answers an upgrade request with a plain HTTP error in the standard format (as any route would), then closes the connection. */
export function refuseUpgrade(socket: Duplex, response: ErrorResponse): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const body = JSON.stringify(response.body);
  const headers = {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(body)),
    'x-request-id': response.body.error.request_id,
    connection: 'close',
    ...response.headers,
  };
  const head = [`HTTP/1.1 ${response.status} ${STATUS_CODES[response.status] ?? ''}`, ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`)];
  socket.end(`${head.join('\r\n')}\r\n\r\n${body}`);
}
