import { defineConfig } from 'vite';
import { rendererConfig } from './vite.renderer.config';

// Browser mode serves the very same renderer bundle; only the bridge transport differs at run time.
export default defineConfig(rendererConfig('out/web'));
