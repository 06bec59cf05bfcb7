import { relative } from 'node:path';
import type { Plugin } from 'vite';

/** How an output file is counted in the summary. */
function kind(fileName: string): string {
  if (/\.(m?js|cjs)$/.test(fileName)) return 'js';
  if (fileName.endsWith('.css')) return 'css';
  if (fileName.endsWith('.html')) return 'html';
  return 'other';
}

function size(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.round(bytes / 1024)} kB`;
}

/**
 * One line per bundle instead of Vite's line per file (the PDF viewer's character maps and
 * fonts alone are ~200 files): where it went, how many files of each kind and their size.
 * Used with logLevel 'warn', so warnings and errors still show.
 */
export function buildSummary(name: string): Plugin {
  let outDir = '';
  return {
    name: 'anchor:build-summary',
    apply: 'build',
    configResolved(config) {
      outDir = relative(process.cwd(), config.build.outDir) || '.';
    },
    writeBundle(_options, bundle) {
      const totals = new Map<string, { files: number; bytes: number }>();
      for (const item of Object.values(bundle)) {
        const content = item.type === 'chunk' ? item.code : item.source;
        const bytes = typeof content === 'string' ? Buffer.byteLength(content) : content.byteLength;
        const entry = totals.get(kind(item.fileName)) ?? { files: 0, bytes: 0 };
        totals.set(kind(item.fileName), { files: entry.files + 1, bytes: entry.bytes + bytes });
      }
      const parts = ['js', 'css', 'html', 'other']
        .filter((k) => totals.has(k))
        .map((k) => `${totals.get(k)!.files} ${k === 'other' ? 'assets' : k} ${size(totals.get(k)!.bytes)}`);
      console.log(`built ${name} → ${outDir}: ${parts.join(', ')}`);
    },
  };
}
