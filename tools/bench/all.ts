import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { benchDatabaseUrl, reportBenchFailure } from './bench-config';
import { machineReport } from './machine-report';

/** Every benchmark, in the order `npm run bench` runs them: the foundations first, the whole checkout last. */
const BENCHMARKS = ['eventstore', 'relay', 'search', 'relevance', 'notifications', 'gateway', 'checkout', 'memory'] as const;

interface BenchRun {
  name: string;
  exitCode: number;
  seconds: number;
  output: string;
}

/**
 * `npm run bench`: runs the benchmarks one after another (never two at once: they would measure each
 * other), echoes their output and writes it to docs/benchmarks.md under the machine's cores and
 * PostgreSQL settings. `BENCH_ONLY=eventstore,relay` runs some; each benchmark's own sizes apply.
 */
async function main(): Promise<void> {
  const only = process.env.BENCH_ONLY?.split(',').map((name) => name.trim());
  const unknown = only?.filter((name) => !(BENCHMARKS as readonly string[]).includes(name)) ?? [];
  if (unknown.length > 0) throw new Error(`BENCH_ONLY names no benchmark: ${unknown.join(', ')} (known: ${BENCHMARKS.join(', ')})`);
  const machine = await machineReport(benchDatabaseUrl(process.env, 'npm run bench'));
  const runs: BenchRun[] = [];
  for (const name of BENCHMARKS.filter((bench) => !only || only.includes(bench))) {
    process.stdout.write(`\n== bench:${name}\n`);
    runs.push(await runBench(name));
  }
  const file = join(process.cwd(), 'docs', 'benchmarks.md');
  writeFileSync(file, report(machine, runs));
  process.stdout.write(`\nwritten: ${file}\n`);
  if (runs.some((run) => run.exitCode !== 0)) process.exitCode = 1;
}

function runBench(name: string): Promise<BenchRun> {
  const started = Date.now();
  const child = spawn(process.execPath, [join(__dirname, `${name}.js`)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk: Buffer, echo: NodeJS.WriteStream) => {
    output += chunk.toString();
    echo.write(chunk);
  };
  child.stdout.on('data', (chunk: Buffer) => keep(chunk, process.stdout));
  child.stderr.on('data', (chunk: Buffer) => keep(chunk, process.stderr));
  return new Promise((resolve) => {
    child.on('close', (code) => resolve({ name, exitCode: code ?? 1, seconds: (Date.now() - started) / 1000, output }));
  });
}

function report(machine: string[], runs: BenchRun[]): string {
  const sections = runs.map((run) =>
    [
      `## bench:${run.name}`,
      '',
      `\`npm run bench:${run.name}\`: ${run.exitCode === 0 ? 'finished' : `**failed (exit ${run.exitCode})**`} in ${Math.round(run.seconds)} s.`,
      '',
      '```text',
      run.output.trimEnd(),
      '```',
      '',
    ].join('\n'),
  );
  return [
    '# Benchmarks',
    '',
    'Written by `npm run bench` (one benchmark at a time); each section is that benchmark\'s own output. Figures',
    'depend on the machine and on what else runs on it: compare the side-by-side ratios within a run.',
    '',
    ...machine.map((line) => `- ${line}`),
    `- run: ${new Date().toISOString()}`,
    '',
    ...sections,
  ].join('\n');
}

main().catch(reportBenchFailure);
