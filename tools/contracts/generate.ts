import { renderContractDocs, SCHEMAS_DIR } from './contract-docs';
import { describeDrift, findDrift, hasDrift, writeFiles } from './drift';

/**
 * Writes the JSON Schemas, docs/asyncapi.yaml and docs/events.md from libs/contracts.
 * With `--check` it writes nothing and exits 1 when the committed files differ from the contracts.
 * Run from the repository root (`npm run contracts:generate` / `npm run contracts:check`).
 */
function main(argv: string[]): number {
  const root = process.cwd();
  const files = renderContractDocs();
  if (argv.includes('--check')) {
    const drift = findDrift(root, files, [SCHEMAS_DIR]);
    if (!hasDrift(drift)) {
      console.log(`contracts: ${files.length} generated files match libs/contracts`);
      return 0;
    }
    console.error(
      `contracts: generated files have drifted from libs/contracts:\n${describeDrift(drift)}\n` +
        'Run `npm run contracts:generate` and commit the result.',
    );
    return 1;
  }
  const drift = writeFiles(root, files, [SCHEMAS_DIR]);
  console.log(hasDrift(drift) ? `contracts: updated\n${describeDrift(drift)}` : 'contracts: already up to date');
  return 0;
}

process.exitCode = main(process.argv.slice(2));
