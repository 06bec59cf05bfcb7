/**
 * pdf.js needs a few data files at run time: Adobe CMaps (CJK text in non-embedded fonts), the
 * standard Symbol/ZapfDingbats fonts, and the JBIG2/JPEG 2000 decoders (wasm). The stock loader
 * fetches them as `${baseUrl}${filename}`, which cannot work once the bundler has renamed the
 * files with content hashes. Instead we let Vite emit each file as an asset and hand pdf.js a
 * factory that maps the bare filename to the emitted URL; the worker asks the main thread for
 * them (useWorkerFetch: false) only when a document actually needs one.
 *
 * `no-inline` keeps small files as real assets: data: URLs would trip a CSP `connect-src 'self'`.
 */
const cMaps = import.meta.glob<string>('../../../../node_modules/pdfjs-dist/cmaps/*.bcmap', {
  query: '?url&no-inline',
  import: 'default',
  eager: true,
});
const standardFonts = import.meta.glob<string>('../../../../node_modules/pdfjs-dist/standard_fonts/*.{pfb,ttf}', {
  query: '?url&no-inline',
  import: 'default',
  eager: true,
});
const wasm = import.meta.glob<string>('../../../../node_modules/pdfjs-dist/wasm/*.wasm', {
  query: '?url&no-inline',
  import: 'default',
  eager: true,
});

function byFileName(modules: Record<string, string>): Map<string, string> {
  const map = new Map<string, string>();
  for (const [path, url] of Object.entries(modules)) map.set(path.slice(path.lastIndexOf('/') + 1), url);
  return map;
}

type Kind = 'cMapUrl' | 'standardFontDataUrl' | 'wasmUrl';

const tables: Record<Kind, Map<string, string>> = {
  cMapUrl: byFileName(cMaps),
  standardFontDataUrl: byFileName(standardFonts),
  wasmUrl: byFileName(wasm),
};

/**
 * pdf.js only consults the factory for a kind whose base URL option is set, so these placeholders
 * switch the lookups on; they are never fetched.
 */
export const BUNDLED_DATA_OPTIONS = {
  cMapUrl: 'anchor-bundled:cmaps/',
  cMapPacked: true,
  standardFontDataUrl: 'anchor-bundled:standard_fonts/',
  wasmUrl: 'anchor-bundled:wasm/',
  useWorkerFetch: false,
} as const;

/** Shape pdf.js expects of `BinaryDataFactory` (constructed with the options above). */
export class BundledDataFactory {
  async fetch({ kind, filename }: { kind: Kind; filename: string }): Promise<Uint8Array> {
    const url = tables[kind]?.get(filename);
    if (!url) throw new Error(`Anchor does not bundle the pdf.js data file "${filename}".`);
    const response = await fetch(url);
    if (!response.ok) throw new Error(`Could not load the pdf.js data file "${filename}" (HTTP ${response.status}).`);
    return new Uint8Array(await response.arrayBuffer());
  }
}
