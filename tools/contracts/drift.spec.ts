import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeDrift, findDrift, hasDrift, writeFiles } from './drift';

describe('drift', () => {
  let root: string;
  const files = [
    { path: 'docs/a.yaml', content: 'a: 1\n' },
    { path: 'docs/schemas/x.json', content: '{}\n' },
    { path: 'docs/schemas/y.json', content: '[]\n' },
  ];

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'contracts-drift-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('reports missing, changed and stale files, and writing fixes all three', () => {
    writeFiles(root, files, ['docs/schemas']);
    expect(hasDrift(findDrift(root, files, ['docs/schemas']))).toBe(false);

    writeFileSync(join(root, 'docs/a.yaml'), 'a: 2\n');
    rmSync(join(root, 'docs/schemas/y.json'));
    writeFileSync(join(root, 'docs/schemas/old.json'), '{}\n');
    const drift = findDrift(root, files, ['docs/schemas']);
    expect(drift).toEqual({ missing: ['docs/schemas/y.json'], changed: ['docs/a.yaml'], stale: ['docs/schemas/old.json'] });
    expect(describeDrift(drift)).toBe(
      ['  changed: docs/a.yaml', '  missing: docs/schemas/y.json', '  stale:   docs/schemas/old.json'].join('\n'),
    );

    writeFiles(root, files, ['docs/schemas']);
    expect(hasDrift(findDrift(root, files, ['docs/schemas']))).toBe(false);
    expect(readFileSync(join(root, 'docs/a.yaml'), 'utf8')).toBe('a: 1\n');
    expect(existsSync(join(root, 'docs/schemas/old.json'))).toBe(false);
  });

  it('leaves files outside the generated directories alone', () => {
    mkdirSync(join(root, 'docs'), { recursive: true });
    writeFileSync(join(root, 'docs/notes.md'), 'mine\n');
    writeFiles(root, files, ['docs/schemas']);
    expect(findDrift(root, files, ['docs/schemas']).stale).toEqual([]);
    expect(readFileSync(join(root, 'docs/notes.md'), 'utf8')).toBe('mine\n');
  });
});
