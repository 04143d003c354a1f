import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SERVICE_NODE_OPTIONS, serviceNodeOptions } from '@marketplace/platform';
import { repoRoot, SERVICE_NODE_OPTIONS as TEST_PROCESSES_NODE_OPTIONS } from '@marketplace/testing';

describe("the services' Node options", () => {
  it("are the same under npm start, in the tests' and benchmarks' processes and in the Docker image", () => {
    expect(TEST_PROCESSES_NODE_OPTIONS).toBe(SERVICE_NODE_OPTIONS);
    const dockerfile = readFileSync(join(repoRoot(), 'Dockerfile'), 'utf8');
    expect(dockerfile.split('\n')).toContain(`ENV NODE_OPTIONS=${SERVICE_NODE_OPTIONS}`);
  });

  it("come first in NODE_OPTIONS, so that the caller's own options win", () => {
    expect(serviceNodeOptions(undefined)).toBe(SERVICE_NODE_OPTIONS);
    expect(serviceNodeOptions('  ')).toBe(SERVICE_NODE_OPTIONS);
    expect(serviceNodeOptions('--cpu-prof --max-semi-space-size=16')).toBe(`${SERVICE_NODE_OPTIONS} --cpu-prof --max-semi-space-size=16`);
  });
});
