// Lint: typescript-eslint's recommended rules, and the layout's boundaries:
// core/ is pure logic and may import nothing from WXT, the browser API, the
// UI or the page code (see docs/adr and the README's layout).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['.output*/**', '.wxt/**', 'generated/**', 'node_modules/**', 'demo-output/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    rules: {
      // `any` needs a comment saying why (the eslint-disable line is that comment).
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // What ships in the extension. (Tests may build fixtures from HTML strings.)
    files: ['core/**', 'page/**', 'components/**', 'entrypoints/**', 'utils/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "AssignmentExpression[left.property.name='innerHTML']", message: 'Never insert HTML: build nodes or let Preact render text.' },
        { selector: "CallExpression[callee.property.name='insertAdjacentHTML']", message: 'Never insert HTML.' },
        { selector: "CallExpression[callee.name='eval']", message: 'No eval.' },
      ],
    },
  },
  {
    files: ['core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['wxt', 'wxt/*', '@wxt-dev/*', 'webextension-polyfill'], message: 'core/ holds pure logic: no WXT or browser API.' },
            { group: ['preact', 'preact/*'], message: 'core/ holds pure logic: no UI.' },
            { group: ['**/entrypoints/**', '**/page/**', '**/components/**', '**/utils/**'], message: 'core/ may not import the layers above it.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'document', 'window', 'chrome', 'browser', 'navigator', 'location'],
    },
  },
);
