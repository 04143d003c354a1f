import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { GeneratedFile } from './contract-docs';

export interface Drift {
  /** Generated but absent on disk. */
  missing: string[];
  /** On disk with other content. */
  changed: string[];
  /** In a generated directory but no longer generated. */
  stale: string[];
}

export function findDrift(root: string, files: GeneratedFile[], generatedDirs: string[]): Drift {
  const drift: Drift = { missing: [], changed: [], stale: staleFiles(root, files, generatedDirs) };
  for (const file of files) {
    const onDisk = join(root, file.path);
    if (!existsSync(onDisk)) drift.missing.push(file.path);
    else if (readFileSync(onDisk, 'utf8') !== file.content) drift.changed.push(file.path);
  }
  return drift;
}

export function hasDrift(drift: Drift): boolean {
  return drift.missing.length + drift.changed.length + drift.stale.length > 0;
}

/** Writes what changed and removes stale files, so the disk matches `files`. */
export function writeFiles(root: string, files: GeneratedFile[], generatedDirs: string[]): Drift {
  const drift = findDrift(root, files, generatedDirs);
  const toWrite = new Set([...drift.missing, ...drift.changed]);
  for (const file of files.filter((f) => toWrite.has(f.path))) {
    mkdirSync(dirname(join(root, file.path)), { recursive: true });
    writeFileSync(join(root, file.path), file.content);
  }
  for (const path of drift.stale) rmSync(join(root, path));
  return drift;
}

export function describeDrift(drift: Drift): string {
  return [
    ...drift.changed.map((path) => `  changed: ${path}`),
    ...drift.missing.map((path) => `  missing: ${path}`),
    ...drift.stale.map((path) => `  stale:   ${path}`),
  ].join('\n');
}

function staleFiles(root: string, files: GeneratedFile[], generatedDirs: string[]): string[] {
  const generated = new Set(files.map((f) => f.path));
  return generatedDirs.flatMap((dir) =>
    existsSync(join(root, dir))
      ? readdirSync(join(root, dir))
          .map((name) => `${dir}/${name}`)
          .filter((path) => !generated.has(path))
          .sort()
      : [],
  );
}
