// Flat config: typescript-eslint strict rules for src and tests; dist and node_modules are generated.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// The imports that must never exist (docs/DESIGN.md, "Layout"): each stage imports only shapes (types/), pure
// knowledge (lib/), the rule catalogue (rules/) and its own folder. No file is exempt.
const ACTIONS = { group: ['@actions/*'], message: 'Only src/index.ts and src/main.ts talk to the Actions runtime.' };
// Relative paths out of a stage folder (one or two levels deep) into folder or root module `n`.
const dirs = (names, why) => ({
  group: names.flatMap((n) =>
    ['..', '../..', '../../..'].flatMap((up) => [`${up}/${n}/*`, `${up}/${n}/**`, `${up}/${n}.js`]),
  ),
  message: why,
});
const boundary = (files, patterns, ignores = []) => ({
  files,
  ignores,
  rules: { 'no-restricted-imports': ['error', { patterns }] },
});
const NODE_IO = {
  group: [
    'node:fs',
    'node:fs/*',
    'node:net',
    'node:http',
    'node:https',
    'node:child_process',
    'node:dns',
    'fs',
    'net',
    'http',
    'https',
    'child_process',
    'undici',
  ],
  message: 'checks/ are pure: facts come in as data.',
};
const AZURE = {
  group: ['@azure/*'],
  message: 'No SDK body crosses into the pure stages: take the fact shape from types/.',
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: {
      globals: Object.fromEntries(
        [
          'process',
          'console',
          'URL',
          'Buffer',
          'setTimeout',
          'clearTimeout',
          'setInterval',
          'clearInterval',
          'performance',
          'fetch',
          'AbortController',
          'AbortSignal',
          'TextDecoder',
          'TextEncoder',
        ].map((g) => [g, 'readonly']),
      ),
    },
  },
  boundary(['src/**/*.ts'], [ACTIONS], ['src/index.ts', 'src/main.ts']),
  {
    // The Azure SDKs (3 MB of bundle) load only when a run signs in: a value comes from `await import()` where it is
    // used; a static import may bring types only (docs/DESIGN.md, "Loading"). A separate rule, so that the
    // per-stage no-restricted-imports settings below do not replace it.
    files: ['src/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@azure/*'],
              allowTypeImports: true,
              message: 'Azure SDKs load only when a run signs in: `await import()` the value where it is used.',
            },
          ],
        },
      ],
    },
  },
  boundary(
    ['src/types/**/*.ts'],
    [
      ACTIONS,
      dirs(
        ['lib', 'rules', 'settings', 'inventory', 'facts', 'checks', 'report', 'simulate', 'verdict', 'gate'],
        'types/ imports nothing outside types/.',
      ),
    ],
  ),
  boundary(
    ['src/lib/**/*.ts'],
    [
      ACTIONS,
      dirs(
        ['rules', 'settings', 'inventory', 'facts', 'checks', 'report', 'simulate', 'verdict', 'gate'],
        'lib/ imports only types/.',
      ),
    ],
  ),
  boundary(
    ['src/rules/**/*.ts'],
    [
      ACTIONS,
      dirs(
        ['settings', 'inventory', 'facts', 'checks', 'report', 'simulate', 'verdict', 'gate'],
        'rules/ imports only types/ and lib/.',
      ),
    ],
  ),
  boundary(
    ['src/inventory/**/*.ts'],
    [ACTIONS, dirs(['checks', 'facts'], 'The inventory reads manifests; it neither collects facts nor judges.')],
  ),
  boundary(
    ['src/facts/**/*.ts'],
    [
      ACTIONS,
      dirs(
        ['checks', 'rules', 'report', 'verdict', 'gate'],
        'facts/ never decide: shapes go to types/, shared knowledge to lib/.',
      ),
    ],
  ),
  boundary(
    ['src/checks/**/*.ts'],
    [
      ACTIONS,
      AZURE,
      NODE_IO,
      dirs(['facts', 'inventory', 'settings', 'report'], 'checks/ are pure: they take types/ shapes, lib/ and rules/.'),
    ],
  ),
  boundary(
    ['src/report/**/*.ts'],
    [ACTIONS, dirs(['checks', 'facts', 'gate'], 'Reports render the Report; they judge nothing.')],
  ),
  boundary(
    ['src/simulate/**/*.ts'],
    [
      ACTIONS,
      dirs(['checks', 'facts', 'inventory', 'lib'], 'The emulator is an independent oracle: it shares types/ only.'),
    ],
  ),
);
