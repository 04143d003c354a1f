import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { SERVICE_NODE_OPTIONS } from '@marketplace/platform';
import { answers200, freePort, repoRoot, waitFor } from '@marketplace/testing';

export interface MemoryFloor {
  /** The bare runtime, then the framework app, each as a process id with its row's name. */
  processes: { name: string; pid: number }[];
  stop(): void;
}

/**
 * The floors `bench:memory` compares the services with, as processes with the services' Node options:
 * `node` with nothing to run, and a Nest app on Fastify with a pg pool and pino listening on a port
 * (memory-floor-app.ts). Resolves once the app has answered GET /ready.
 */
export async function startMemoryFloor(databaseUrl: string): Promise<MemoryFloor> {
  const port = await freePort();
  const env = { PATH: process.env.PATH, NODE_OPTIONS: SERVICE_NODE_OPTIONS, DATABASE_URL: databaseUrl, PORT: String(port) };
  const children = [
    { name: 'floor: node', child: spawn(process.execPath, ['-e', 'setInterval(() => {}, 2 ** 30)'], { env, stdio: 'ignore' }) },
    { name: 'floor: Nest app', child: spawn(process.execPath, [join(repoRoot(), 'dist', 'tools', 'bench', 'memory-floor-app.js')], { env, stdio: 'ignore' }) },
  ];
  const stop = () => children.forEach(({ child }) => child.kill());
  try {
    await waitFor(() => answers200(`http://127.0.0.1:${port}/ready`), { timeoutMs: 30_000, intervalMs: 200, description: 'the floor app to answer GET /ready' });
  } catch (error) {
    stop();
    throw error;
  }
  return { processes: children.map(({ name, child }) => ({ name, pid: child.pid ?? 0 })), stop };
}
