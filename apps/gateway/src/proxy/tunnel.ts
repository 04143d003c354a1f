import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';

/**
 * Completes a client's upgrade once the service has switched protocols: the service's 101 head goes to
 * the client, then bytes flow both ways untouched until either side closes or fails, which closes the
 * other. An open tunnel has no timeout: a quiet WebSocket is a healthy one (its ends ping if they care).
 * Resolves once both connections are closed.
 */
export function openTunnel(client: Duplex, switched: { response: IncomingMessage; socket: Duplex }, requestId: string): Promise<void> {
  const upstream = switched.socket;
  client.write(switchingProtocolsHead(switched.response, requestId));
  upstream.pipe(client);
  client.pipe(upstream);
  return new Promise((resolve) => {
    let open = 2;
    const closed = () => {
      client.destroy();
      upstream.destroy();
      open -= 1;
      if (open === 0) resolve();
    };
    for (const socket of [client, upstream]) {
      socket.on('error', () => socket.destroy());
      if (socket.destroyed) closed();
      else socket.once('close', closed);
    }
  });
}

/** The service's 101 response head as it sent it (the handshake's accept key and protocol), with the gateway's request id. */
function switchingProtocolsHead(response: IncomingMessage, requestId: string): string {
  const lines = [`HTTP/1.1 101 ${response.statusMessage || 'Switching Protocols'}`];
  for (let i = 0; i < response.rawHeaders.length; i += 2) {
    const name = response.rawHeaders[i] ?? '';
    if (name.toLowerCase() !== 'x-request-id') lines.push(`${name}: ${response.rawHeaders[i + 1] ?? ''}`);
  }
  lines.push(`x-request-id: ${requestId}`);
  return `${lines.join('\r\n')}\r\n\r\n`;
}
