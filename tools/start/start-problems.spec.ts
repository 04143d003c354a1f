import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { postgresDataDirProblem } from './data-dir-check';
import { portProblems } from './port-check';
import { removeRuntimeFile, runtimeFilePath, writeRuntimeFile } from './runtime-file';
import { errorFromLine, startFailureLine } from './start-failure';

const listen = (port = 0) =>
  new Promise<Server>((resolve) => {
    const server = createServer();
    server.listen({ port, host: '127.0.0.1' }, () => resolve(server));
  });
const portOf = (server: Server) => (server.address() as { port: number }).port;
const ports = (gateway: number, identity: number) => ({ gateway, identity, catalog: 0, orders: 0, payments: 0, search: 0, notifications: 0, ops: 0 });

describe('npm start: problems named in one line', () => {
  let dir: string;
  beforeEach(async () => (dir = await mkdtemp(join(tmpdir(), 'start-problems-'))));
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('names a port another program holds and the variable that moves it, before anything starts', async () => {
    const taken = await listen();
    // Ports the system just handed out and took back: free now (a port next to one may not be).
    const [identity, catalog] = await Promise.all([listen(), listen()]);
    const [identityPort, catalogPort] = [portOf(identity), portOf(catalog)];
    await Promise.all([identity, catalog].map((server) => new Promise((done) => server.close(done))));
    try {
      const problems = await portProblems({ ...ports(portOf(taken), identityPort), catalog: catalogPort });
      expect(problems).toEqual([`port ${portOf(taken)} (gateway) is in use by another program: stop it or set PORT=<another port>`]);
    } finally {
      taken.close();
    }
  });

  it('names two services given one port', async () => {
    const servers = await Promise.all([listen(), listen()]);
    const [gateway, port] = servers.map(portOf);
    await Promise.all(servers.map((server) => new Promise((done) => server.close(done))));
    const problems = await portProblems({ ...ports(gateway, port), catalog: port });
    expect(problems).toEqual([`port ${port} is given to both catalog and identity: set IDENTITY_PORT to another port`]);
  });

  it('refuses a PostgreSQL data folder of another major version, and accepts its own or none', async () => {
    await expect(postgresDataDirProblem(dir, 17)).resolves.toBeUndefined();
    await writeFile(join(dir, 'PG_VERSION'), '17\n');
    await expect(postgresDataDirProblem(dir, 17)).resolves.toBeUndefined();
    await writeFile(join(dir, 'PG_VERSION'), '16\n');
    await expect(postgresDataDirProblem(dir, 17)).resolves.toBe(
      `the data in ${dir} was made by PostgreSQL 16, but this embedded PostgreSQL is 17: move ${dir} aside (or delete it) to start afresh, set DATA_DIR to another folder, or set DATABASE_URL to a PostgreSQL 16`,
    );
  });

  it("turns a service's last error into what to do: a newer schema, a taken port, a bad variable", () => {
    const fatal = (message: string) => errorFromLine(JSON.stringify({ level: 'fatal', msg: 'catalog failed to start', err: { message } }), 'stdout');
    expect(errorFromLine('{"level":"info","msg":"fine"}', 'stdout')).toBeUndefined();
    expect(startFailureLine('catalog', 'exit code 1', fatal('The migration directory is corrupt, the following files are missing: 009-new.ts'), 'CATALOG_PORT')).toBe(
      'catalog could not start (exit code 1): its database schema has migrations this version does not know (009-new.ts), so the data was written by a newer version: run that version, or start afresh with another DATA_DIR (or DATABASE_URL)',
    );
    expect(startFailureLine('orders', 'exit code 1', fatal('listen EADDRINUSE: address already in use 127.0.0.1:3003'), 'ORDERS_PORT')).toBe(
      'orders could not start (exit code 1): its port is in use by another program: stop it or set ORDERS_PORT=<another port>',
    );
    const config = errorFromLine('Invalid configuration: ADMIN_PASSWORD: ADMIN_EMAIL and ADMIN_PASSWORD are set together', 'stderr');
    expect(startFailureLine('identity', 'exit code 1', config, 'IDENTITY_PORT')).toBe(
      'identity could not start (exit code 1): Invalid configuration: ADMIN_PASSWORD: ADMIN_EMAIL and ADMIN_PASSWORD are set together; fix the variable and start again',
    );
    expect(startFailureLine('search', 'signal SIGKILL', undefined, 'SEARCH_PORT')).toBe('search could not start (signal SIGKILL); its output is above');
  });

  it('writes runtime.json for the ops CLI, readable by its owner only, and removes it', async () => {
    const info = { databaseUrl: 'postgres://postgres:postgres@127.0.0.1:5432/marketplace', ports: ports(3000, 3001) };
    await writeRuntimeFile(dir, info);
    expect(JSON.parse(await readFile(runtimeFilePath(dir), 'utf8'))).toEqual(info);
    expect((await stat(runtimeFilePath(dir))).mode & 0o777).toBe(0o600);
    await removeRuntimeFile(dir);
    await expect(stat(runtimeFilePath(dir))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
