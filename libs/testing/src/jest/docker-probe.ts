import { connect, type NetConnectOpts } from 'node:net';
import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * True when a Docker engine answers its `/_ping` endpoint within `timeoutMs`. Probed by hand rather
 * than through testcontainers, whose own detection is slow and noisy when no engine exists.
 */
export async function dockerAnswers(env: NodeJS.ProcessEnv = process.env, timeoutMs = 1500): Promise<boolean> {
  for (const endpoint of dockerEndpoints(env)) {
    if (await pings(endpoint, timeoutMs)) return true;
  }
  return false;
}

function dockerEndpoints(env: NodeJS.ProcessEnv): NetConnectOpts[] {
  const host = env.DOCKER_HOST;
  if (host) {
    if (host.startsWith('unix://')) return [{ path: host.slice('unix://'.length) }];
    if (host.startsWith('tcp://')) {
      const url = new URL(host.replace(/^tcp:/, 'http:'));
      return [{ host: url.hostname, port: Number(url.port || 2375) }];
    }
    return [];
  }
  const sockets = ['/var/run/docker.sock', join(homedir(), '.docker', 'run', 'docker.sock')];
  if (env.XDG_RUNTIME_DIR) sockets.push(join(env.XDG_RUNTIME_DIR, 'docker.sock'));
  return sockets.map((path) => ({ path }));
}

function pings(endpoint: NetConnectOpts, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(endpoint);
    let reply = '';
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.on('error', () => done(false));
    socket.on('connect', () => socket.write('GET /_ping HTTP/1.0\r\nHost: docker\r\n\r\n'));
    socket.on('data', (chunk) => {
      reply += chunk.toString();
      if (reply.includes('\r\n\r\n')) done(/^HTTP\/1\.[01] 200/.test(reply));
    });
    socket.on('end', () => done(/^HTTP\/1\.[01] 200/.test(reply)));
  });
}
