import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

const depConstraints = [
  { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:domain', 'type:data-access', 'type:util'] },
  { sourceTag: 'type:tool', onlyDependOnLibsWithTags: ['type:domain', 'type:data-access', 'type:util'] },
  { sourceTag: 'type:data-access', onlyDependOnLibsWithTags: ['type:domain', 'type:data-access', 'type:util'] },
  { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:domain', 'type:util'] },
  { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util'] },
  { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
  { sourceTag: 'scope:gateway', onlyDependOnLibsWithTags: ['scope:gateway', 'scope:shared'] },
  { sourceTag: 'scope:identity', onlyDependOnLibsWithTags: ['scope:identity', 'scope:shared'] },
  { sourceTag: 'scope:catalog', onlyDependOnLibsWithTags: ['scope:catalog', 'scope:shared'] },
  { sourceTag: 'scope:orders', onlyDependOnLibsWithTags: ['scope:orders', 'scope:shared'] },
  { sourceTag: 'scope:payments', onlyDependOnLibsWithTags: ['scope:payments', 'scope:shared'] },
  { sourceTag: 'scope:search', onlyDependOnLibsWithTags: ['scope:search', 'scope:shared'] },
  { sourceTag: 'scope:notifications', onlyDependOnLibsWithTags: ['scope:notifications', 'scope:shared'] },
  { sourceTag: 'scope:ops', onlyDependOnLibsWithTags: ['scope:shared'] },
];

/**
 * Nx forbids importing an app whatever its tags. The ops CLI must fold streams with the services' own
 * deciders and rebuild their own read models, so each event-sourced service publishes one file for it,
 * `src/ops-manifest.ts`, and only the ops tool may import exactly that file.
 */
const OPS_MANIFESTS = '^(\\.\\./)+apps/(orders|payments|search)/src/ops-manifest$';

const boundaries = (allow) => ['error', { enforceBuildableLibDependency: false, allow, depConstraints }];

export default [
  { ignores: ['**/node_modules/**', '**/dist/**', '.data/**', '.infra/**', '.nx/**', 'coverage/**'] },
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  {
    files: ['**/*.ts'],
    languageOptions: { parser: tseslint.parser },
    rules: {
      '@nx/enforce-module-boundaries': boundaries([]),
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['tools/ops/**/*.ts'],
    rules: { '@nx/enforce-module-boundaries': boundaries([OPS_MANIFESTS]) },
  },
  {
    // The console runs in the browser: Node's modules and the server-side libraries are not there.
    files: ['apps/gateway/web/**/*.ts'],
    ignores: ['apps/gateway/web/**/*.spec.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['node:*', '@marketplace/*', '@nestjs/*', '../../src/*'], message: 'The console is browser code: it may import only its own modules.' }] }],
    },
  },
  {
    files: ['**/*.js', '**/*.cjs', '**/*.mjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
];
