import { createServer } from 'node:net';

/** True when nothing listens on 127.0.0.1:port. */
export function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host: '127.0.0.1', exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/** The first free port from `from` on, trying `attempts` ports. */
export async function firstFreePort(from: number, attempts: number): Promise<number | undefined> {
  for (let port = from; port < from + attempts; port++) {
    if (await isPortFree(port)) return port;
  }
  return undefined;
}
