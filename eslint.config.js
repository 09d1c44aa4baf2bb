import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import drizzle from 'eslint-plugin-drizzle';

/**
 * Forbids imports from the named top folders in `files` (non-test sources; a test may reach across, except into ml).
 * The regex runs on the specifier: relative imports climbing to a top folder, e.g. '../../server/env'.
 */
function layer(files, forbidden, message) {
  const above = forbidden.filter((f) => f !== 'ml');
  const ml = forbidden.includes('ml') ? [{ regex: '^(\\.\\./)+ml(/|$)', message: 'ml is reached only through scripts and HTTP' }] : [];
  return [
    {
      files,
      ignores: ['**/*.test.ts'],
      rules: { 'no-restricted-imports': ['error', { patterns: [{ regex: `^(\\.\\./)+(${above.join('|')})(/|$)`, message }, ...ml] }] },
    },
    ...(ml.length ? [{ files: files.map((f) => f.replace('/**', '/**/*.test.ts')), rules: { 'no-restricted-imports': ['error', { patterns: ml }] } }] : []),
  ];
}

export default tseslint.config(
  { ignores: ['node_modules/', '.next/', 'data/', '.tmp/', 'next-env.d.ts', 'db/migrations/', 'test-results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { drizzle },
    rules: {
      // A delete or update without `where` wipes a table: refuse it (create-t3-turbo does the same).
      'drizzle/enforce-delete-with-where': ['error', { drizzleObjectName: ['db', 'tx'] }],
      'drizzle/enforce-update-with-where': ['error', { drizzleObjectName: ['db', 'tx'] }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // process.env is read in exactly one module per process: server/env.ts (and ml/serve/env.ts for the model server).
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read configuration through server/env.ts (one module reads process.env).' },
      ],
    },
  },
  {
    // The one reader of process.env per process; tests and the browser-test harness (they set the env of what they start).
    files: ['server/env.ts', '**/*.test.ts', 'testing/browser/global-setup.ts', 'testing/browser/next-server.ts', 'testing/cli/spawn-cli.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
  // Size: a file past 300 lines holds more than one idea; split it rather than raise the limit.
  { files: ['**/*.{ts,tsx}'], rules: { 'max-lines': ['error', { max: 300 }] } },
  // Layers (server/README.md has the map). Arrows point down: app and scripts → server → db → evals. Tests may reach
  // across to build real parts; ml is reached only through scripts (train, serve) and HTTP, by tests too.
  ...layer(['evals/**'], ['db', 'server', 'scripts', 'app', 'testing', 'ml'], 'evals is the pure bottom layer: it imports nothing of ours above it'),
  ...layer(['db/**'], ['server', 'scripts', 'app', 'testing', 'ml'], 'db sits on evals only: queries return plain rows, the server decides'),
  ...layer(['server/**'], ['scripts', 'app', 'ml'], 'server never imports the CLI, the UI or ml (ml is reached over HTTP)'),
  ...layer(['testing/**'], ['scripts', 'app', 'ml'], 'test helpers build on server, db and evals only'),
  ...layer(['scripts/**'], ['app'], 'scripts reach the dashboard over HTTP, never by import'),
  {
    files: ['app/**/*.{ts,tsx}'],
    ignores: ['app/api/**', 'app/login/page.tsx', '**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { regex: '^(\\.\\./)+(server|db|scripts|testing)(/|$)', allowTypeImports: true, message: 'app reaches the server only through tRPC (import type { AppRouter }) and its route handlers in app/api/' },
          { regex: '^(\\.\\./)+ml(/|$)', message: 'ml is reached only through scripts and HTTP' },
        ],
      }],
    },
  },
  {
    // The sign-in page is a server component that reuses the login route's own check of the ?next= target.
    files: ['app/login/page.tsx', 'app/api/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ regex: '^(\\.\\./)+(scripts|testing|ml)(/|$)', message: 'route handlers use the server, never the CLI, test helpers or ml' }] }] },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);
