import { defineConfig } from 'vite';
// With its extension, so Vite's native config loader (its future default) can load it too.
import { rendererConfig } from './vite.renderer.config.ts';

// Browser mode serves the very same renderer bundle; only the bridge transport differs at run time.
export default defineConfig(rendererConfig('out/web', 'browser-mode page'));
