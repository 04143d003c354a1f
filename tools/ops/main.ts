#!/usr/bin/env node
import { runOps } from './cli/run-ops';

/** `npm run ops -- <command>` / `marketplace-ops <command>`: see tools/ops/README.md. */
async function main(): Promise<void> {
  // kafkajs 2.2.4 schedules a negative timeout on Node 24 (tulios/kafkajs#1751): harmless, and noise here.
  process.removeAllListeners('warning');
  process.on('warning', (warning) => {
    if (warning.name !== 'TimeoutNegativeWarning') process.stderr.write(`${warning.name}: ${warning.message}\n`);
  });
  // A reader that stops early (`| head`) closes the pipe: the output is done, not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(0);
  });
  const interrupted = new AbortController();
  // The first Ctrl-C asks the command to stop cleanly; a second one ends the process at once.
  process.once('SIGINT', () => {
    process.stderr.write('\nInterrupted: stopping cleanly (Ctrl-C again to quit at once)\n');
    interrupted.abort(new Error('interrupted'));
    process.once('SIGINT', () => process.exit(130));
  });
  process.once('SIGTERM', () => interrupted.abort(new Error('terminated')));
  process.exitCode = await runOps(process.argv.slice(2), {
    env: process.env,
    cwd: process.cwd(),
    stdout: process.stdout,
    stderr: process.stderr,
    signal: interrupted.signal,
  });
}

void main();
