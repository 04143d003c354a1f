import { readFileSync } from 'node:fs';
import { relative } from 'node:path';

/** The parts of a V8 `.cpuprofile` (what `node --cpu-prof` writes) that a summary needs. */
export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
}

export interface FrameTime {
  /** `function file:line`, or a group such as `(garbage collector)`. */
  frame: string;
  /** Share of all sampled time, in percent. */
  percent: number;
  ms: number;
}

export interface ProfileSummary {
  totalMs: number;
  /** Time spent in the frame itself (not in what it called), highest first. */
  selfFrames: FrameTime[];
  /** Self time added up by package (`fastify`, `pino`, `@opentelemetry/...`), the app's own files, or Node itself. */
  byPackage: FrameTime[];
}

/** Self time per frame and per package of a CPU profile; `(idle)` is left out of the shares. */
export function summariseCpuProfile(profile: CpuProfile, root = process.cwd()): ProfileSummary {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const frames = new Map<string, number>();
  const packages = new Map<string, number>();
  let totalUs = 0;
  for (const [id, us] of selfUs) {
    const node = byId.get(id);
    if (!node || node.callFrame.functionName === '(idle)') continue;
    totalUs += us;
    const { functionName, url, lineNumber } = node.callFrame;
    const file = url.replace(/^file:\/\//, '');
    const frame = url ? `${functionName || '(anonymous)'} ${file.startsWith('/') ? relative(root, file) : file}:${lineNumber + 1}` : functionName;
    frames.set(frame, (frames.get(frame) ?? 0) + us);
    const pkg = packageOf(file, functionName);
    packages.set(pkg, (packages.get(pkg) ?? 0) + us);
  }
  const ranked = (times: Map<string, number>) =>
    [...times]
      .map(([frame, us]) => ({ frame, ms: us / 1000, percent: totalUs > 0 ? (100 * us) / totalUs : 0 }))
      .sort((a, b) => b.ms - a.ms);
  return { totalMs: totalUs / 1000, selfFrames: ranked(frames), byPackage: ranked(packages) };
}

function packageOf(file: string, functionName: string): string {
  if (!file) return functionName.startsWith('(') ? functionName : '(native)';
  if (file.startsWith('node:')) return 'node:' + file.slice(5).split('/')[0];
  const modules = file.lastIndexOf('/node_modules/');
  if (modules !== -1) {
    const parts = file.slice(modules + '/node_modules/'.length).split('/');
    return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
  }
  const dist = file.match(/\/dist\/((?:apps|libs|tools)\/[^/]+)\//);
  return dist ? dist[1] : file;
}

/** `node dist/tools/bench/gateway-cpu-profile.js <file.cpuprofile> [top]`: the top self-time frames and packages. */
function main(): void {
  const [file, top = '30'] = process.argv.slice(2);
  if (!file) {
    process.stderr.write('usage: node dist/tools/bench/gateway-cpu-profile.js <file.cpuprofile> [top]\n');
    process.exitCode = 1;
    return;
  }
  const summary = summariseCpuProfile(JSON.parse(readFileSync(file, 'utf8')) as CpuProfile);
  const n = Number(top);
  const row = (t: FrameTime) => `${t.percent.toFixed(1).padStart(5)}%  ${t.ms.toFixed(0).padStart(7)} ms  ${t.frame}`;
  process.stdout.write(`busy (not idle): ${(summary.totalMs / 1000).toFixed(1)} s\n\nself time by package:\n`);
  for (const t of summary.byPackage.slice(0, n)) process.stdout.write(`${row(t)}\n`);
  process.stdout.write(`\ntop ${n} frames by self time:\n`);
  for (const t of summary.selfFrames.slice(0, n)) process.stdout.write(`${row(t)}\n`);
}

if (require.main === module) main();
