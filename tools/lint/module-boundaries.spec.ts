import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

const bin = (name: string) => join(root, 'node_modules', '.bin', name);
const env = { ...process.env, NX_DAEMON: 'false' };

interface LintMessage {
  ruleId: string | null;
  message: string;
}

/**
 * Lints `code` as if it were the file at `path` with the repository's own ESLint config (in a child
 * process: the config is an ES module, which jest's module system does not load), returning the
 * boundary rule's messages.
 */
async function boundaryErrors(path: string, code: string): Promise<string[]> {
  let output: string;
  try {
    output = execFileSync(bin('eslint'), ['--stdin', '--stdin-filename', path, '--format', 'json'], { cwd: root, env, input: code, encoding: 'utf8' });
  } catch (error) {
    // ESLint exits 1 when it found errors; the report is on stdout all the same.
    output = (error as { stdout: string }).stdout;
  }
  const [result] = JSON.parse(output) as { messages: LintMessage[] }[];
  return result.messages.filter((m) => m.ruleId === '@nx/enforce-module-boundaries').map((m) => m.message);
}

describe('Nx module boundaries', () => {
  beforeAll(() => {
    // The lint rule reads the cached project graph; computing it is what `npm run lint` does first.
    execFileSync(bin('nx'), ['show', 'projects'], { cwd: root, env, stdio: 'ignore' });
  }, 120_000);

  it('rejects a service importing another service', async () => {
    const errors = await boundaryErrors('apps/catalog/src/probe.ts', "import { AppModule } from '../../orders/src/app.module';\nexport const m = AppModule;\n");
    expect(errors).toHaveLength(1);
  }, 60_000);

  // Every shared util library is used by the data-access ones, so the rule reports the cycle first.
  it('rejects a util library importing a data-access library', async () => {
    const errors = await boundaryErrors('libs/postgres/src/probe.ts', "import { ProjectionEngine } from '@marketplace/projections';\nexport const e = ProjectionEngine;\n");
    expect(errors).toEqual([expect.stringContaining('Circular dependency between "postgres" and "projections"')]);
  }, 60_000);

  it('lets a service use the shared libraries', async () => {
    const errors = await boundaryErrors('apps/orders/src/probe.ts', "import { loadConfig } from '@marketplace/platform';\nimport { TOPICS } from '@marketplace/contracts';\nexport const f = [loadConfig, TOPICS];\n");
    expect(errors).toEqual([]);
  }, 60_000);
});
