import type { ServiceName } from '@marketplace/platform';
import { isPortFree } from './free-port';
import { portVariable } from './start-config';

/**
 * Every service's port must be free before any is started: one line per problem, each saying what
 * to do, instead of a service dying half-way through the start with EADDRINUSE.
 */
export async function portProblems(ports: Record<ServiceName, number>): Promise<string[]> {
  // Port 0 lets the kernel choose: never taken, never shared.
  const entries = (Object.entries(ports) as [ServiceName, number][]).filter(([, port]) => port !== 0);
  const problems: string[] = [];
  for (const [service, port] of entries) {
    const twin = entries.find(([other, otherPort]) => other !== service && otherPort === port);
    if (twin && twin[0] < service) continue; // reported once, under the other name
    if (twin) problems.push(`port ${port} is given to both ${service} and ${twin[0]}: set ${portVariable(twin[0])} to another port`);
    else if (!(await isPortFree(port))) problems.push(`port ${port} (${service}) is in use by another program: stop it or set ${portVariable(service)}=<another port>`);
  }
  return problems;
}
