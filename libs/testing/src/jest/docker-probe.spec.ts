import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dockerAnswers } from './docker-probe';

/** A unix socket server answering like the Docker engine's /_ping (or not at all). */
function fakeEngine(path: string, reply: string | null): Promise<Server> {
  const server = createServer((socket) => {
    socket.once('data', () => {
      if (reply !== null) socket.end(reply);
    });
  });
  return new Promise((resolve) => server.listen(path, () => resolve(server)));
}

describe('dockerAnswers', () => {
  const dir = mkdtempSync(join(tmpdir(), 'docker-probe-'));
  const socket = join(dir, 'docker.sock');
  let server: Server | undefined;

  afterEach(async () => {
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
    server = undefined;
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is true when the engine at DOCKER_HOST answers /_ping with 200', async () => {
    server = await fakeEngine(socket, 'HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nOK');
    await expect(dockerAnswers({ DOCKER_HOST: `unix://${socket}` })).resolves.toBe(true);
  });

  it('is false when the socket answers with an error status', async () => {
    server = await fakeEngine(socket, 'HTTP/1.1 500 Internal Server Error\r\n\r\n');
    await expect(dockerAnswers({ DOCKER_HOST: `unix://${socket}` })).resolves.toBe(false);
  });

  it('is false, quickly, when the socket stays silent', async () => {
    server = await fakeEngine(socket, null);
    const started = Date.now();
    await expect(dockerAnswers({ DOCKER_HOST: `unix://${socket}` }, 100)).resolves.toBe(false);
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('is false when nothing listens', async () => {
    await expect(dockerAnswers({ DOCKER_HOST: `unix://${join(dir, 'absent.sock')}` })).resolves.toBe(false);
    await expect(dockerAnswers({ DOCKER_HOST: 'tcp://127.0.0.1:1' })).resolves.toBe(false);
  });
});
