// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = [
  'fs',
  'path',
  'os',
  'crypto',
  'http',
  'https',
  'net',
  'stream',
  'url',
  'util',
  'zlib',
  'child_process',
  'worker_threads',
  'events',
  'buffer',
];

/** Import bans that keep each runtime layer honest (compare VS Code's layering rule). */
const layer = (message, patterns, paths = []) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }], paths }],
});
/** Exact module names (a bare pattern like "http" would also match a folder called http). */
const builtins = (message) => NODE_BUILTINS.map((name) => ({ name, message }));

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'demo-packets/**', 'bench/.work/**', 'docs/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      ...layer(
        'The renderer talks to main only through the bridge; it never imports main, host or preload code, Electron or Node.',
        ['**/main/**', '**/host/**', '**/preload/**', 'electron', 'node:*'],
        builtins('The renderer never imports Node modules.'),
      ),
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      ...layer(
        'src/shared is pure TypeScript: no Electron, Node, DOM or app-layer imports.',
        [
          'electron',
          'node:*',
          'react',
          'react-dom',
          'dexie',
          '**/main/**',
          '**/renderer/**',
          '**/host/**',
          '**/preload/**',
        ],
        builtins('src/shared imports no Node modules.'),
      ),
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'navigator',
        'process',
        'Buffer',
        'indexedDB',
        'localStorage',
      ],
    },
  },
  {
    files: ['src/main/**/*.ts', 'src/host/**/*.ts', 'src/cli/**/*.ts', 'src/hub/**/*.ts'],
    ignores: ['src/main/electron/**'],
    rules: layer(
      'Services are plain Node so they run under vitest and in browser mode: keep Electron in src/main/electron.',
      ['electron', '**/renderer/**'],
    ),
  },
  {
    files: ['src/main/electron/**/*.ts', 'src/preload/**/*.ts'],
    rules: layer(
      'Only src/main/electron/ipc-router.ts may use ipcMain, and only src/main/electron/safe-open.ts may use shell.',
      ['**/renderer/**'],
      [{ name: 'electron', importNames: ['ipcMain', 'shell'], message: 'Use the IPC router / safe opener.' }],
    ),
  },
  {
    files: ['src/main/electron/ipc-router.ts'],
    rules: layer(
      'The IPC router may not reach into the renderer.',
      ['**/renderer/**'],
      [{ name: 'electron', importNames: ['shell'], message: 'Use the safe opener.' }],
    ),
  },
  {
    files: ['src/main/electron/safe-open.ts'],
    rules: layer(
      'The safe opener may not reach into the renderer.',
      ['**/renderer/**'],
      [{ name: 'electron', importNames: ['ipcMain'], message: 'Use the IPC router.' }],
    ),
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[property.name='openExternal']",
          message: 'Use openExternalSafely (src/main/electron/safe-open.ts).',
        },
      ],
    },
  },
  {
    files: ['src/main/electron/safe-open.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
