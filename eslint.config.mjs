// Lint: Next.js and TypeScript recommendations, plus the layering rules of DESIGN.md, so the
// architecture cannot drift: app/ never imports db/, db/ never imports server/ or app/, pure
// logic never imports kysely, tRPC or Next, services and queries never see an HTTP Request or
// Response (that is server/<domain>/rest.ts), and process.env is read only in server/env.ts.
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';

const DB = { regex: '^(@/|(\\.\\./)+|\\./)db(/|$)', message: 'app/ reads data through tRPC or the server caller, never db/ (DESIGN.md).' };
const SERVER_OR_APP = {
  regex: '^(@/|(\\.\\./)+)(server|app)(/|$)',
  message: 'db/ holds only types, migrations and the connection; it never imports server/ or app/.',
};
const FRAMEWORK = {
  regex: '^(kysely|pg|@electric-sql/.*|@trpc/.*|next|next/.*|react|@tanstack/.*)$',
  message: 'Pure logic takes plain data in and gives plain data out: no database, tRPC or Next import.',
};
const IMPURE_LOCAL = {
  regex: '(^|/)(queries(-[a-z-]+)?|router|rest|service(-[a-z-]+)?|db|trpc|http-context|startup|root)$',
  message: 'Pure logic must not reach the database or the procedures; move this into service.ts or queries.ts.',
};

const WORKSPACE_ONLY = {
  regex: '(\\(workspace\\)|app-shell|session-context)',
  message: 'Public pages (no account) never import workspace-only code: no app shell, no session, nothing under (workspace).',
};

const NO_HTTP = ['Request', 'Response'].map((name) => ({
  name,
  message: 'Services and queries never see HTTP: parse the request and shape the response in server/<domain>/rest.ts.',
}));

const envOnlyInEnvModule = {
  'no-restricted-properties': [
    'error',
    { object: 'process', property: 'env', message: 'Read configuration through getEnv() from server/env.ts (validated at start-up).' },
  ],
};

const config = [
  { ignores: ['.next/**', 'node_modules/**', 'test-results/**', '.data/**', 'bench/out/**', 'next-env.d.ts'] },
  ...nextVitals,
  ...nextTypescript,
  {
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-empty': ['error', { allowEmptyCatch: false }],
    },
  },
  {
    files: ['app/**/*.{ts,tsx}'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [DB] }], ...envOnlyInEnvModule },
  },
  {
    // Pages anyone opens without an account (survey forms, the public roadmap, shared inventory)
    // stay clear of the workspace.
    files: ['app/(public)/**/*.{ts,tsx}', 'app/(roadmap)/**/*.{ts,tsx}', 'app/share/**/*.{ts,tsx}'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [DB, WORKSPACE_ONLY] }] },
  },
  {
    // Migrations are frozen in time: they see the database as it was, untyped (Kysely's advice).
    files: ['db/migrations/**/*.ts', 'db/migrator.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['db/**/*.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [SERVER_OR_APP] }], ...envOnlyInEnvModule },
  },
  {
    files: ['server/**/*.ts'],
    ignores: ['server/env.ts'],
    rules: envOnlyInEnvModule,
  },
  {
    // A domain's services and queries take plain data: the request is read in its rest.ts.
    // (service-board-rest.ts serves the public board's cached HTML with ETags: issue 16's file,
    // left where it is for now.)
    files: ['server/*/service.ts', 'server/*/service-*.ts', 'server/*/queries.ts', 'server/*/queries-*.ts'],
    ignores: ['server/roadmap/service-board-rest.ts'],
    rules: {
      'no-restricted-globals': ['error', ...NO_HTTP],
      'no-restricted-syntax': ['error', { selector: 'TSTypeReference[typeName.name=/^(Request|Response)$/]', message: NO_HTTP[0].message }],
    },
  },
  {
    // Pure logic: every file of a domain folder except its router, queries (queries-*.ts), service and rest.
    files: ['server/*/**/*.ts'],
    ignores: [
      'server/**/router.ts',
      'server/**/queries.ts',
      'server/**/queries-*.ts',
      'server/**/service.ts',
      'server/**/service-*.ts',
      'server/**/rest.ts',
      'server/cli/**',
    ],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { ...FRAMEWORK, allowTypeImports: true },
            { ...IMPURE_LOCAL, allowTypeImports: true },
            { regex: DB.regex, message: IMPURE_LOCAL.message, allowTypeImports: true },
          ],
        },
      ],
    },
  },
];

export default config;
