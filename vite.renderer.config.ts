import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import type { UserConfig } from 'vite';
import { buildSummary } from './tools/vite/build-summary.ts';

/** The renderer build, shared by the Electron app (electron-vite) and browser mode (vite). */
export function rendererConfig(outDir: string, name = 'renderer'): UserConfig {
  return {
    root: resolve(import.meta.dirname, 'src/renderer'),
    base: './',
    // Warnings and errors only; buildSummary prints one line for the bundle instead of ~200.
    logLevel: 'warn',
    plugins: [react(), buildSummary(name)],
    build: {
      outDir: resolve(import.meta.dirname, outDir),
      emptyOutDir: true,
      target: 'chrome130',
      sourcemap: false,
      chunkSizeWarningLimit: 2500,
    },
  };
}
