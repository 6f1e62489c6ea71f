import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { configs as litConfigs } from 'eslint-plugin-lit';
import { configs as wcConfigs } from 'eslint-plugin-wc';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: ['**/dist/**', 'storybook-static/**', '**/node_modules/**', '**/custom-elements.json', 'bench/results/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['packages/elements/src/**/*.ts', 'stories/**/*.ts', 'examples/**/*.ts', 'test/browser/**/*.ts'],
    ...litConfigs['flat/recommended'],
    ...wcConfigs['flat/recommended'],
    plugins: { ...litConfigs['flat/recommended'].plugins, ...wcConfigs['flat/recommended'].plugins },
    rules: {
      ...litConfigs['flat/recommended'].rules,
      ...wcConfigs['flat/recommended'].rules,
      // Untrusted strings are never HTML.
      'lit/no-template-arrow': 'off',
      'wc/guard-super-call': 'off',
    },
  },
  {
    files: ['scripts/**', 'bench/**', 'packages/server/src/cli.ts', '**/*.config.*'],
    rules: { 'no-console': 'off' },
  },
  {
    files: ['**/*.test.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off', '@typescript-eslint/no-unused-expressions': 'off' },
  },
);
