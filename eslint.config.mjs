import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'build/**', 'coverage/**', 'test-results/**', '**/*.js', '!bin/*.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.name='eval']", message: 'Tables are data: no eval.' },
        { selector: "NewExpression[callee.name='Function']", message: 'Tables are data: no new Function.' },
      ],
    },
  },
  {
    // The engine is pure: it is decided there what a row's tier is, testable with plain arrays.
    files: ['src/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/excel/**', '**/taskpane/**', '**/cli/**', '**/functions/**'], message: 'engine/ imports nothing from the layers above it.' },
            { group: ['node:*', 'fs', 'path', 'os', 'child_process', 'react', 'react-dom', '@fluentui/*', 'office-*', '@microsoft/*', 'exceljs'], message: 'engine/ is pure: no host, UI or Node modules.' },
          ],
        },
      ],
    },
  },
  {
    // Properties run through one helper: regression examples, a fixed seed, a fresh logged seed.
    files: ['test/**/*.ts', 'test/**/*.tsx'],
    ignores: ['test/support/property.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'fc', property: 'assert', message: 'Use checkProperty from test/support/property.ts.' },
        { object: 'fc', property: 'check', message: 'Use checkProperty from test/support/property.ts.' },
      ],
    },
  },
  {
    files: ['bin/*.js'],
    languageOptions: { globals: { require: 'readonly', process: 'readonly', __dirname: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
