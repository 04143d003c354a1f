/**
 * The seven services and the ops server, with their default ports (PORT overrides). One place, read by the
 * apps, the gateway and `npm start`. The ops server (tools/ops/server) is behind the gateway like a service.
 */
export const SERVICE_PORTS = {
  gateway: 3000,
  identity: 3001,
  catalog: 3002,
  orders: 3003,
  payments: 3004,
  search: 3005,
  notifications: 3006,
  ops: 3007,
} as const;

export type ServiceName = keyof typeof SERVICE_PORTS;

export const SERVICE_NAMES = Object.keys(SERVICE_PORTS) as ServiceName[];

/** The services behind the gateway, each with its own schema and bus connection. */
export const BACKEND_SERVICES = SERVICE_NAMES.filter((name) => name !== 'gateway');

/** The compiled main of each process, relative to the repository root: the apps' own, and the ops server's under tools/. */
export function serviceMain(name: ServiceName): string {
  return name === 'ops' ? 'dist/tools/ops/server/main.js' : `dist/apps/${name}/src/main.js`;
}

/**
 * Node's options for every service process, first in its NODE_OPTIONS: `npm start` and the Docker image
 * set them, and so do the tests' and benchmarks' processes (@marketplace/testing keeps a copy, the
 * Dockerfile another; a spec of tools/start holds both to this one). Semi-spaces of at most 2 MB: V8
 * otherwise sizes the young generation from the memory it sees (two 32 MB semi-spaces on a 24 GB
 * machine), which a service fills while it starts and then keeps resident, 20-35 MB of each idle
 * service. The scavenges, more frequent, cost bench:checkout no throughput (README, Memory).
 */
export const SERVICE_NODE_OPTIONS = '--max-semi-space-size=2';

/** SERVICE_NODE_OPTIONS followed by the caller's own NODE_OPTIONS, which win where both set a flag. */
export function serviceNodeOptions(inherited: string | undefined): string {
  return [SERVICE_NODE_OPTIONS, inherited?.trim()].filter(Boolean).join(' ');
}
