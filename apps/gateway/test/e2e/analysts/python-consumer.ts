import { repoRoot } from '@marketplace/testing';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = repoRoot(__dirname);
export const CONSUMER_DIR = join(ROOT, 'examples', 'python-consumer');
/** Made by `bash infra/analysts-venv.sh` (.ci/run does it), with examples/python-consumer/requirements.txt. */
const VENV_PYTHON = join(ROOT, '.venv-analysts', 'bin', 'python');

/** The venv's python, or why the analysts' suite cannot run. */
export function analystsPython(): string | { skip: string } {
  return existsSync(VENV_PYTHON) ? VENV_PYTHON : { skip: 'no .venv-analysts (bash infra/analysts-venv.sh makes it)' };
}

export interface ConsumerSummary {
  topicPrefix: string;
  messages: number;
  invalidCount: number;
  topics: Record<string, { messages: number; types: Record<string, number> }>;
  types: Record<string, number>;
  missingTopics: string[];
  deadLetters: Record<string, number>;
  invalid: { topic: string; partition: number; offset: number; key: string | null; type: string | null; reasons: string[] }[];
}

export interface ProcessResult {
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs a python module or script of examples/python-consumer with the given arguments; never rejects on a non-zero exit. */
export function runPython(python: string, args: string[]): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    execFile(python, args, { cwd: CONSUMER_DIR, timeout: 240_000, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const status = error ? (typeof error.code === 'number' ? error.code : undefined) : 0;
      if (status === undefined) reject(new Error(`${python} ${args.join(' ')} did not finish: ${error?.message}\n${stderr}`));
      else resolve({ status, stdout, stderr });
    });
  });
}

/** consume.py --json over the topics under `prefix`: its exit status and summary. */
export async function consumeTopics(python: string, brokers: string[], prefix: string): Promise<{ status: number; summary: ConsumerSummary; stderr: string }> {
  const result = await runPython(python, ['consume.py', '--json', '--brokers', brokers.join(','), '--topic-prefix', prefix]);
  if (result.status === 2) throw new Error(`consume.py could not read the topics: ${result.stderr}`);
  return { status: result.status, summary: JSON.parse(result.stdout) as ConsumerSummary, stderr: result.stderr };
}
