import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import { buildSummary } from './tools/vite/build-summary.ts';
import { rendererConfig } from './vite.renderer.config.ts';

export default defineConfig({
  main: {
    logLevel: 'warn',
    plugins: [buildSummary('main process')],
    build: {
      outDir: 'out/main',
      rollupOptions: { input: { index: resolve(import.meta.dirname, 'src/main/electron/index.ts') } },
    },
  },
  preload: {
    logLevel: 'warn',
    plugins: [buildSummary('preload')],
    build: {
      outDir: 'out/preload',
      // A sandboxed preload can require nothing but electron: zod (the bridge contract's schemas,
      // which name every channel and check every pushed event) is bundled in.
      externalizeDeps: { exclude: ['zod'] },
      rollupOptions: {
        input: { index: resolve(import.meta.dirname, 'src/preload/index.ts') },
        // Sandboxed preloads cannot load ES modules.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: rendererConfig('out/renderer', 'Electron renderer'),
});
