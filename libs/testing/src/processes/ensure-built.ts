import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { waitFor } from '../wait-for';
import { repoRoot } from './repo-root';

const SOURCE_DIRS = ['apps', 'libs', 'tools'];
const LOCK_STALE_MS = 5 * 60_000;

/**
 * Builds dist/ (`npm run build`) unless it is newer than every source file. Several suites (and runs)
 * call it: a lock directory lets one build while the others wait, and a marker file records when the
 * last build started, so a source saved during a build still counts as newer.
 */
export async function ensureBuilt(root: string = repoRoot()): Promise<void> {
  const dataDir = join(root, '.data');
  const marker = join(dataDir, 'test-build.marker');
  const lock = join(dataDir, 'test-build.lock');
  mkdirSync(dataDir, { recursive: true });
  await waitFor(() => takeLock(lock), { timeoutMs: LOCK_STALE_MS + 60_000, intervalMs: 200, description: `the build lock ${lock}` });
  try {
    if (!isBuildStale(mtimeMs(marker), newestMtimeMs(SOURCE_DIRS.map((dir) => join(root, dir))))) return;
    const started = new Date();
    execFileSync('npm', ['run', 'build'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    writeFileSync(marker, `${started.toISOString()}\n`);
    utimesSync(marker, started, started);
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** Stale when there was no build, or a source changed after the last build started. */
export function isBuildStale(builtAtMs: number | undefined, newestSourceMs: number): boolean {
  return builtAtMs === undefined || newestSourceMs > builtAtMs;
}

/** The latest modification time of any .ts file under `dirs` (0 when there is none). */
export function newestMtimeMs(dirs: string[]): number {
  let newest = 0;
  const visit = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules') visit(path);
      } else if (entry.name.endsWith('.ts')) {
        newest = Math.max(newest, statSync(path).mtimeMs);
      }
    }
  };
  for (const dir of dirs) visit(dir);
  return newest;
}

function mtimeMs(path: string): number | undefined {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return undefined;
  }
}

/** mkdir is atomic: whoever creates the directory holds the lock. A lock older than a build can take is left over from a killed run. */
function takeLock(lock: string): boolean {
  try {
    mkdirSync(lock);
    return true;
  } catch {
    const age = Date.now() - (mtimeMs(lock) ?? Date.now());
    if (age > LOCK_STALE_MS) rmSync(lock, { recursive: true, force: true });
    return false;
  }
}
