// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { layersRule } from './tools/eslint/layers.js';

/** Import bans for one module family (electron's ipcMain and shell have one home each). */
const layer = (message, patterns, paths = []) => ({
  'no-restricted-imports': ['error', patterns.length ? { patterns: [{ group: patterns, message }], paths } : { paths }],
});

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'demo-packets/**', 'bench/.work/**', 'docs/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    plugins: { anchor: { rules: { layers: layersRule } } },
    rules: {
      'anchor/layers': 'error',
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
      ...layer('The renderer talks to main only through the bridge; it never imports Electron.', ['electron']),
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      ...layer('src/shared is pure TypeScript: no Electron, React or Dexie.', [
        'electron',
        'react',
        'react-dom',
        'dexie',
      ]),
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
    files: ['src/{node,main,host,cli,hub,demo}/**/*.ts'],
    ignores: ['src/main/electron/**'],
    rules: layer(
      'Services are plain Node so they run under vitest and in browser mode: keep Electron in src/main/electron.',
      ['electron'],
    ),
  },
  {
    files: ['src/main/electron/**/*.ts', 'src/preload/**/*.ts'],
    rules: layer(
      'Only src/main/electron/ipc-router.ts may use ipcMain, and only src/main/electron/safe-open.ts may use shell.',
      [],
      [{ name: 'electron', importNames: ['ipcMain', 'shell'], message: 'Use the IPC router / safe opener.' }],
    ),
  },
  {
    files: ['src/main/electron/ipc-router.ts'],
    rules: layer(
      'The IPC router may use ipcMain, never shell.',
      [],
      [{ name: 'electron', importNames: ['shell'], message: 'Use the safe opener.' }],
    ),
  },
  {
    files: ['src/main/electron/safe-open.ts'],
    rules: layer(
      'The safe opener may use shell, never ipcMain.',
      [],
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
