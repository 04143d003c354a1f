import type { ContainerBackend } from './containers';

/** What resolveBackend needs of an infra/ script (implemented by InfraScript). */
export interface ServiceScript {
  readonly path: string;
  isRunning(): Promise<boolean>;
  start(): Promise<void>;
  stop(): Promise<void>;
  env(): Promise<Record<string, string>>;
}

/** How one backend of the test infrastructure can be had, in order of preference. */
export interface BackendSource {
  name: string;
  /** The variable the suites read (see ../infrastructure.ts). */
  variable: string;
  /** Variables that, when set, name an existing server to use as is. */
  envVariables: string[];
  /** Further variables the script prints that the suites need with the value (e.g. credentials). */
  companions?: string[];
  container?: () => Promise<ContainerBackend>;
  script?: ServiceScript;
}

export interface ResolvedBackend {
  name: string;
  variable: string;
  /** Unset when the backend cannot be had: its suites then report it skipped. */
  value?: string;
  /** The companions' values, when the script provided the backend. */
  companions?: Record<string, string>;
  /** Where the value came from, for the run's log. */
  origin: string;
  /** Releases what this run started; absent when the backend was already there. */
  release?: () => Promise<void>;
}

/** Environment variables, else a container when Docker answers, else the infra/ script. */
export async function resolveBackend(source: BackendSource, env: NodeJS.ProcessEnv, docker: boolean): Promise<ResolvedBackend> {
  const base = { name: source.name, variable: source.variable };
  const fromEnv = source.envVariables.find((name) => env[name]);
  if (fromEnv) return { ...base, value: env[fromEnv], origin: `${fromEnv} from the environment` };

  const failures: string[] = [];
  if (docker && source.container) {
    try {
      const started = await source.container();
      return { ...base, value: started.value, origin: 'testcontainers', release: started.stop };
    } catch (error) {
      failures.push(`testcontainers: ${messageOf(error)}`);
    }
  }
  if (source.script) {
    const script = source.script;
    try {
      const wasRunning = await script.isRunning();
      if (!wasRunning) await script.start();
      const printed = await script.env();
      const value = printed[source.variable];
      if (!value) throw new Error(`${script.path} env printed no ${source.variable}`);
      const companions = Object.fromEntries((source.companions ?? []).map((name) => [name, printed[name] ?? '']));
      return wasRunning
        ? { ...base, value, companions, origin: `${script.path} (already running)` }
        : { ...base, value, companions, origin: `${script.path} (started for this run)`, release: () => script.stop() };
    } catch (error) {
      failures.push(messageOf(error));
    }
  }
  return { ...base, origin: failures.length ? `unavailable: ${failures.join('; ')}` : 'not configured' };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
