import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['assert', 'buffer', 'child_process', 'crypto', 'events', 'fs', 'fs/promises', 'http', 'https', 'net', 'os', 'path', 'process', 'stream', 'url', 'util', 'worker_threads', 'zlib'];
const nodeImports = [{ group: ['node:*'], message: 'Node is not available in this layer.' }];

/** Layering (DESIGN.md): renderer → shared ← electron; only electron/main and electron/preload touch Electron. */
export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', '.tsc/', 'resources/demo/components/', 'test-results/', 'bench-results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      // Matching control characters is how vendor text is neutralised; it is deliberate here.
      'no-control-regex': 'off',
      'no-restricted-syntax': [
        'error',
        { selector: "AssignmentExpression[left.property.name=/^(innerHTML|outerHTML)$/]", message: 'Vendor text is rendered as text, never as HTML.' },
        { selector: "CallExpression[callee.property.name='insertAdjacentHTML']", message: 'Vendor text is rendered as text, never as HTML.' },
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Vendor text is rendered as text, never as HTML.' },
      ],
    },
  },
  {
    files: ['scripts/**/*.mjs', 'bin/**/*.mjs', 'eslint.config.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly' } },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: ['electron', 'react', 'react-dom', ...nodeBuiltins].map((name) => ({ name, message: 'shared/ is pure: no Node, DOM, Electron or React.' })),
        patterns: [...nodeImports, { group: ['**/electron/**', '**/renderer/**', 'monaco-editor', 'monaco-editor/*'], message: 'shared/ must not depend on electron/ or renderer/.' }],
      }],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: ['electron', ...nodeBuiltins].map((name) => ({ name, message: 'The renderer talks to the core only through the API contract.' })),
        patterns: [...nodeImports, { group: ['**/electron/**'], message: 'The renderer must not import electron/ code: use the API client.' }],
      }],
    },
  },
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/main/**', 'electron/preload/**'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'electron', message: 'Only electron/main and electron/preload may import Electron; the core is plain Node.' }],
        patterns: [{ group: ['**/renderer/**'], message: 'electron/ must not import renderer/ code.' }],
      }],
    },
  },
  {
    files: ['electron/main/**/*.ts', 'electron/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/renderer/**'], message: 'electron/ must not import renderer/ code.' }] }],
    },
  },
);
