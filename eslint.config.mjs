// Lint for bugs, not style: formatting is left alone. `npm run lint` fails on any warning.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';
import uiText from './tools/eslint-ui-text.mjs';

/** UI files whose text is not yet in t(): the list only shrinks. */
const UI_TEXT_PENDING = [];

export default defineConfig(
  {
    ignores: ['node_modules/', 'build/', 'static/*/build/', 'data/', 'test-results/', 'coverage/', 'reports/', '.stryker-tmp/'],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // `any` is a typing choice at JSON and test boundaries, not a bug; tsc's strict mode does the typing.
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
    },
  },
  {
    // Type-aware rules that find real bugs (dropped or misused promises, throwing non-errors). Type
    // information roughly doubles the run time (about 12 s without, 20-35 s with, on 2 cores). The full
    // recommendedTypeChecked set costs little more but is mostly no-unsafe-* noise about deliberate `any`.
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/only-throw-error': 'error',
      '@typescript-eslint/prefer-promise-reject-errors': 'error',
      '@typescript-eslint/no-for-in-array': 'error',
      '@typescript-eslint/no-array-delete': 'error',
      '@typescript-eslint/no-implied-eval': 'error',
    },
  },
  {
    files: ['static/**/*.ts', 'static/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    // Every text a user reads or hears goes through t() (static/shared/i18n.ts); see tools/eslint-ui-text.mjs.
    files: ['static/**/*.ts', 'static/**/*.tsx'],
    ignores: ['static/**/*.test.ts', 'static/**/*.test.tsx', 'static/**/*.style.ts', ...UI_TEXT_PENDING],
    plugins: { 'ui-text': uiText },
    rules: { 'ui-text/no-literal-text': 'error', 'ui-text/t-literal': 'error' },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: globals.node },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['**/*.mjs'],
    languageOptions: { globals: globals.node },
  },
  {
    // A classic script injected into the preview's frames, not a Node module.
    files: ['preview/bridge-stand-in.js'],
    languageOptions: { sourceType: 'script', globals: globals.browser },
  },
);
