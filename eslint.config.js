import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import drizzle from 'eslint-plugin-drizzle';

/**
 * SQL lives in db/queries (db/README.md). Outside db/ (tests aside) nothing may build or run a statement: no value
 * import of the SQLite driver, of drizzle or of the table objects in db/schema (type imports stay allowed), and no
 * statement calls on a handle (below, NO_RAW_SQL_SYNTAX).
 */
const SQL_HOME = 'SQL lives in db/queries: call (or add) a named query function there (db/README.md)';
const NO_RAW_SQL_IMPORTS = [
  { group: ['better-sqlite3', 'drizzle-orm', 'drizzle-orm/*'], allowTypeImports: true, message: SQL_HOME },
  { regex: '^(\\.\\./)+db/schema(/|$)', allowTypeImports: true, message: `${SQL_HOME} (tables are for query builders)` },
];
const NO_RAW_SQL_SYNTAX = [
  { selector: "MemberExpression[property.name='$client']", message: `${SQL_HOME}; the raw SQLite handle stays in db/ (transaction, closeDb in db/client.ts)` },
  { selector: "CallExpression[callee.property.name=/^(prepare|pragma)$/]", message: SQL_HOME },
  // exec with SQL text (a RegExp's exec takes the string to search, never literal SQL on a non-regex object).
  { selector: "CallExpression[callee.property.name='exec'][callee.object.regex=undefined][arguments.0.type=/^(Literal|TemplateLiteral)$/]", message: SQL_HOME },
  { selector: "TaggedTemplateExpression[tag.name='sql']", message: SQL_HOME },
  {
    selector: "CallExpression[callee.object.name=/^(db|tx)$/][callee.property.name=/^(select|selectDistinct|insert|update|delete|transaction|run|all|get|values|\\$count)$/]",
    message: `${SQL_HOME}; a room opens a transaction with store.transaction(async (tx) => …) and passes tx to the query functions`,
  },
  { selector: "MemberExpression[object.name=/^(db|tx)$/][property.name='query']", message: SQL_HOME },
];

/**
 * Forbids imports from the named top folders in `files` (non-test sources; a test may reach across, except into ml).
 * The regex runs on the specifier: relative imports climbing to a top folder, e.g. '../../server/env'. `extra`:
 * further import patterns for the same files (one rule's options replace another's, so they go together).
 */
function layer(files, forbidden, message, extra = []) {
  const above = forbidden.filter((f) => f !== 'ml');
  const ml = forbidden.includes('ml') ? [{ regex: '^(\\.\\./)+ml(/|$)', message: 'ml is reached only through scripts and HTTP' }] : [];
  return [
    {
      files,
      ignores: ['**/*.test.ts'],
      rules: { 'no-restricted-imports': ['error', { patterns: [{ regex: `^(\\.\\./)+(${above.join('|')})(/|$)`, message }, ...ml, ...extra] }] },
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
  {
    // Every store call is async (db/store): a statement whose promise nobody awaits may run after its transaction,
    // or fail unseen. Type-aware, so TypeScript's project service gives the rule the types.
    files: ['**/*.{ts,tsx}'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: { '@typescript-eslint/no-floating-promises': ['error', { ignoreVoid: true }] },
  },
  // Size: a file past 300 lines holds more than one idea; split it rather than raise the limit.
  { files: ['**/*.{ts,tsx}'], rules: { 'max-lines': ['error', { max: 300 }] } },
  // Layers (server/README.md has the map). Arrows point down: app and scripts → server → db → evals. Tests may reach
  // across to build real parts; ml is reached only through scripts (train, serve) and HTTP, by tests too.
  ...layer(['evals/**'], ['db', 'server', 'scripts', 'app', 'testing', 'ml'], 'evals is the pure bottom layer: it imports nothing of ours above it'),
  ...layer(['db/**'], ['server', 'scripts', 'app', 'testing', 'ml'], 'db sits on evals only: queries return plain rows, the server decides'),
  ...layer(['server/**'], ['scripts', 'app', 'ml'], 'server never imports the CLI, the UI or ml (ml is reached over HTTP)', NO_RAW_SQL_IMPORTS),
  ...layer(['testing/**'], ['scripts', 'app', 'ml'], 'test helpers build on server, db and evals only', NO_RAW_SQL_IMPORTS),
  ...layer(['scripts/**'], ['app'], 'scripts reach the dashboard over HTTP, never by import', NO_RAW_SQL_IMPORTS),
  {
    files: ['app/**/*.{ts,tsx}'],
    ignores: ['app/api/**', 'app/login/page.tsx', '**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { regex: '^(\\.\\./)+(server|db|scripts|testing)(/|$)', allowTypeImports: true, message: 'app reaches the server only through tRPC (import type { AppRouter }) and its route handlers in app/api/' },
          { regex: '^(\\.\\./)+ml(/|$)', message: 'ml is reached only through scripts and HTTP' },
          ...NO_RAW_SQL_IMPORTS,
        ],
      }],
    },
  },
  {
    // The sign-in page is a server component that reuses the login route's own check of the ?next= target.
    files: ['app/login/page.tsx', 'app/api/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ regex: '^(\\.\\./)+(scripts|testing|ml)(/|$)', message: 'route handlers use the server, never the CLI, test helpers or ml' }, ...NO_RAW_SQL_IMPORTS] }] },
  },
  {
    // No statement outside db/, test helpers included (tests themselves build their fixtures as they need).
    files: ['server/**/*.{ts,tsx}', 'app/**/*.{ts,tsx}', 'scripts/**/*.{ts,tsx}', 'testing/**/*.{ts,tsx}'],
    ignores: ['**/*.test.ts'],
    rules: { 'no-restricted-syntax': ['error', ...NO_RAW_SQL_SYNTAX] },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);
