import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OPS_COMMANDS } from '../commands';
import { captureOps } from '../testing/captured-run';

describe('ops CLI entry', () => {
  it('lists every command in --help', async () => {
    const run = await captureOps(['--help'], {});
    expect(run.code).toBe(0);
    for (const command of OPS_COMMANDS) expect(run.stdout).toContain(command.name);
  });

  it.each(OPS_COMMANDS.map((c) => [c.name]))('prints the help of %s without touching a database', async (name) => {
    const run = await captureOps([...name.split(' '), '--help'], {});
    expect(run).toEqual({ code: 0, stdout: expect.stringContaining('Usage: npm run ops -- ' + name), stderr: '' });
  });

  it.each([
    [['nonsense'], 'unknown command "nonsense"'],
    [['streams'], 'streams needs one of: list, show'],
    [['streams', 'show', 'order-1', '--limit', 'many'], '--limit must be a whole number'],
    [['streams', 'list', '--categry', 'order'], 'unknown option --categry'],
    [['aggregate', 'order-1', '--as-of', 'yesterday'], '--as-of must be an ISO 8601 time'],
    [['aggregate', 'order-1'], 'missing --as-of'],
    [['streams', 'show'], 'missing <stream>'],
  ])('refuses %j with one line and exit code 1', async (argv, message) => {
    const run = await captureOps(argv, { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(message);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('tells the operator to start the marketplace when nothing says where it is', async () => {
    const run = await captureOps(['streams', 'list'], {}, { cwd: await mkdtemp(join(tmpdir(), 'ops-')) });
    expect(run).toMatchObject({ code: 1, stderr: expect.stringMatching(/^streams list: No marketplace found: start it with `npm start`.*DATABASE_URL\n$/) });
  });

  it('reads the database from the runtime file npm start writes, and reports an unreachable one in one line', async () => {
    const cwd = await mkdtemp(join(tmpdir(), 'ops-'));
    await mkdir(join(cwd, '.data'));
    await writeFile(join(cwd, '.data', 'runtime.json'), JSON.stringify({ databaseUrl: 'postgres://ops@127.0.0.1:1/marketplace', ports: { gateway: 3000 } }));
    const run = await captureOps(['streams', 'list'], {}, { cwd });
    expect(run).toMatchObject({ code: 1, stderr: 'streams list: cannot reach 127.0.0.1:1 (ECONNREFUSED); is the marketplace running?\n' });
  });

  it('refuses a malformed runtime file and a bad DATABASE_URL in one line', async () => {
    const cwd = await mkdtemp(join(tmpdir(), 'ops-'));
    await mkdir(join(cwd, '.data'));
    await writeFile(join(cwd, '.data', 'runtime.json'), '{"databaseUrl": 42}');
    expect((await captureOps(['streams', 'list'], {}, { cwd })).stderr).toMatch(/runtime\.json is not a runtime file: databaseUrl/);
    expect((await captureOps(['streams', 'list'], { DATABASE_URL: 'mysql://x' })).stderr).toBe('streams list: DATABASE_URL must be a postgres:// URL\n');
  });
});
