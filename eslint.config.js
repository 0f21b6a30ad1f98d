import js from '@eslint/js';
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
    message: 'Native modules belong to the core (src/main/vault).',
  },
];
const ELECTRON = {
  group: ['electron', 'electron/*'],
  message:
    "Only the Electron shell (files directly in src/main/) and src/preload may import 'electron'.",
};

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
  // The layers of DESIGN.md, enforced.
  {
    files: ['src/main/*/**/*.ts', 'src/cli/**/*.ts'],
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
          patterns: [
            ELECTRON,
            ...NODE_AND_NATIVE,
            {
              group: ['**/main/**', '**/cli/**'],
              message: 'The renderer talks to the core only through window.sparekey.',
            },
          ],
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
