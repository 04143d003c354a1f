import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { toErrorResponse } from '../errors/to-error-response';

/** What Node's HTTP parser refuses before any route runs, as the status and message the client gets. */
function refusal(code: string | undefined): { statusCode: number; message: string } {
  if (code === 'HPE_HEADER_OVERFLOW') return { statusCode: 431, message: 'The request line and headers are too large.' };
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') return { statusCode: 408, message: 'The request took too long to arrive.' };
  return { statusCode: 400, message: 'The request is not valid HTTP.' };
}

/**
 * Fastify's clientErrorHandler: requests the parser refuses (a 20,000-character query string, a
 * malformed request line, a client too slow) get the standard error body like every other answer.
 */
export function answerClientError(error: NodeJS.ErrnoException, socket: Socket): void {
  // A reset connection has nobody to answer (Node's own handler does the same).
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const { statusCode, message } = refusal(error.code);
  const response = toErrorResponse(Object.assign(new Error(message), { statusCode }), { requestId: randomUUID(), now: new Date() });
  const body = JSON.stringify(response.body);
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${statusCode} ${STATUS_CODES[statusCode]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nx-request-id: ${response.body.error.request_id}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}
