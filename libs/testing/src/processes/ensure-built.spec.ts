import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isBuildStale, newestMtimeMs } from './ensure-built';

describe('isBuildStale', () => {
  it('is stale without a build and when a source is newer than the build', () => {
    expect(isBuildStale(undefined, 0)).toBe(true);
    expect(isBuildStale(1000, 1001)).toBe(true);
  });

  it('is fresh when the build started after the newest source', () => {
    expect(isBuildStale(1000, 1000)).toBe(false);
    expect(isBuildStale(2000, 1000)).toBe(false);
  });
});

describe('newestMtimeMs', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'newest-mtime-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  function file(path: string, seconds: number): void {
    const full = join(dir, path);
    mkdirSync(join(full, '..'), { recursive: true });
    writeFileSync(full, '');
    utimesSync(full, seconds, seconds);
  }

  it('finds the newest .ts file in nested folders, ignoring other files and node_modules', () => {
    file('a/old.ts', 1_000);
    file('a/b/new.ts', 2_000);
    file('a/newer.js', 9_000);
    file('a/node_modules/x/newest.ts', 9_000);
    expect(newestMtimeMs([join(dir, 'a')])).toBe(2_000_000);
  });

  it('is 0 for folders without sources', () => {
    mkdirSync(join(dir, 'empty'));
    expect(newestMtimeMs([join(dir, 'empty')])).toBe(0);
  });
});
