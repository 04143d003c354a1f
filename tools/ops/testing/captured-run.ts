import { runOps } from '../cli/run-ops';

/** What one command line printed and its exit code. */
export interface CapturedRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process against `env`, capturing both streams (stderr as a terminal when asked). */
export async function captureOps(argv: string[], env: NodeJS.ProcessEnv, options: { tty?: boolean; signal?: AbortSignal; cwd?: string } = {}): Promise<CapturedRun> {
  let stdout = '';
  let stderr = '';
  const code = await runOps(argv, {
    env,
    cwd: options.cwd ?? process.cwd(),
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text), isTTY: options.tty },
    signal: options.signal,
  });
  return { code, stdout, stderr };
}
