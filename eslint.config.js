import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const NODE_AND_NATIVE = [
  {
    group: ['node:*'],
    message: 'src/shared and src/renderer must stay platform-free: no Node modules.',
  },
  {
    group: [
      'fs',
      'path',
      'os',
      'crypto',
      'child_process',
      'url',
      'util',
      'stream',
      'buffer',
      'events',
    ],
    message: 'src/shared and src/renderer must stay platform-free: no Node modules.',
  },
  {
    group: ['better-sqlite3', 'argon2'],
    message: 'Native modules belong to the core (src/core).',
  },
];
const ELECTRON = {
  group: ['electron', 'electron/*'],
  message:
    "Only the Electron shell (files directly in src/main/) and src/preload may import 'electron'.",
};

const EVERYTHING_BUT_SHARED = [
  './src/core',
  './src/main',
  './src/cli',
  './src/renderer',
  './src/preload',
];
const THROUGH_THE_CORE_INDEX = {
  from: './src/core',
  except: ['./index.ts'],
  message: 'Outside the core, import it through src/core/index.ts only.',
};
/** Who may not import whom (import-x/no-restricted-paths; paths are resolved, so relative imports count). */
const LAYER_ZONES = [
  {
    target: './src/shared',
    from: EVERYTHING_BUT_SHARED,
    message: 'src/shared is the bottom layer: it imports nothing of Sparekey’s.',
  },
  {
    target: './src/core',
    from: ['./src/main', './src/cli', './src/renderer', './src/preload'],
    message:
      'The core imports only src/shared: it runs under plain Node, in the CLI and the tests.',
  },
  {
    target: './src/renderer',
    from: ['./src/core', './src/main', './src/cli', './src/preload'],
    message: 'The renderer talks to the core only through window.sparekey (src/shared/contract).',
  },
  {
    target: './src/preload',
    from: ['./src/core', './src/main', './src/cli', './src/renderer'],
    message: 'The preload exposes the contract and nothing else: it imports only src/shared.',
  },
  {
    target: './src/cli',
    from: ['./src/main', './src/renderer', './src/preload'],
    message: 'The CLI stands beside the desktop app: it imports the core and src/shared only.',
  },
  {
    target: './src/main/api',
    from: [
      './src/main/*.ts',
      './src/main/shell-policy/**',
      './src/cli/**',
      './src/renderer/**',
      './src/preload/**',
    ],
    message:
      'The desktop handlers run without Electron (the e2e host runs them): no shell, no CLI.',
  },
  {
    target: ['./src/main/*.ts', './src/main/shell-policy'],
    from: ['./src/cli', './src/renderer', './src/preload'],
    message: 'The Electron shell reaches the core through src/main/api and src/core/index.ts.',
  },
  { target: ['./src/cli', './src/main'], ...THROUGH_THE_CORE_INDEX },
];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  // Benchmarks print their figures.
  { files: ['bench/**/*.ts'], rules: { 'no-console': 'off' } },
  // The layers of docs/architecture.md, enforced on resolved paths:
  //   shared ← core ← {main/api, cli} ← main shell;  renderer ← shared;  preload ← shared.
  // Outside the core, the core is reached only through src/core/index.ts. No import circles.
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: 'tsconfig.json' })],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': ['error', { zones: LAYER_ZONES }],
    },
  },
  {
    files: ['src/core/**/*.ts', 'src/main/*/**/*.ts', 'src/cli/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [ELECTRON] }] },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [ELECTRON, ...NODE_AND_NATIVE] }] },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [ELECTRON, ...NODE_AND_NATIVE],
        },
      ],
      // Chromium keeps what is typed in a field in the page's saved state (and may write it to
      // disk) unless the field, or its form, says autocomplete="off".
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "JSXOpeningElement[name.name=/^(input|textarea|form)$/]:not(:has(JSXAttribute[name.name='autoComplete']))",
          message:
            'Give every field and form autoComplete: "off", or the token of a password field ("current-password", "new-password"). Without it Chromium keeps the text typed in its saved page state.',
        },
      ],
    },
  },
);
