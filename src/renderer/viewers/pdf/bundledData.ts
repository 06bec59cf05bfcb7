import openJpegFallbackUrl from 'pdfjs-dist/wasm/openjpeg_nowasm_fallback.js?url&no-inline';

/**
 * pdf.js needs a few data files at run time: Adobe CMaps (CJK text in non-embedded fonts), the
 * Symbol and ZapfDingbats fonts, and the JBIG2 / JPEG 2000 decoders. The stock loader fetches them as
 * `${baseUrl}${filename}`, which cannot work once the bundler has renamed the files with content
 * hashes. Instead Vite emits each file as an asset and pdf.js gets a factory that maps the bare
 * filename to the emitted URL; the worker asks the main thread for a file (useWorkerFetch: false)
 * only when a document needs it. The colour-management wasm is left out: pdf.js loads it only
 * through worker-side fetching.
 *
 * `no-inline` keeps small files as real assets: data: URLs would trip a CSP `connect-src 'self'`.
 */
const cMaps = import.meta.glob<string>('../../../../node_modules/pdfjs-dist/cmaps/*.bcmap', {
  query: '?url&no-inline',
  import: 'default',
  eager: true,
});
// The other twelve standard fonts are drawn with system fonts (pdf.js's default, and as fast
// as stock pdf.js); only these two have no system equivalent.
const standardFonts = import.meta.glob<string>(
  '../../../../node_modules/pdfjs-dist/standard_fonts/Foxit{Symbol,Dingbats}.pfb',
  {
    query: '?url&no-inline',
    import: 'default',
    eager: true,
  },
);
const wasm = import.meta.glob<string>('../../../../node_modules/pdfjs-dist/wasm/{jbig2,openjpeg}.wasm', {
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
 * Under a CSP without 'wasm-unsafe-eval' the JPEG 2000 wasm cannot compile, and pdf.js then
 * imports `${wasmUrl}openjpeg_nowasm_fallback.js` straight from the worker, bypassing the
 * factory. Ending wasmUrl with "?/" turns that into the hashed fallback's own URL plus a query
 * string the server ignores, so scanned PDFs with JPX images still render. (pdf.js insists on
 * the trailing slash.)
 */
const wasmBase = `${new URL(openJpegFallbackUrl, document.baseURI).href}?/`;

/**
 * The CMap base is a placeholder that is never fetched: pdf.js only needs it set to ask the
 * factory. standardFontDataUrl stays unset on purpose: pdf.js would add it as a url() fallback
 * to every system-font substitute, which a CSP font-src blocks; Symbol and ZapfDingbats reach the
 * factory without it.
 */
export const BUNDLED_DATA_OPTIONS = {
  cMapUrl: 'anchor-bundled:cmaps/',
  cMapPacked: true,
  wasmUrl: wasmBase,
  useWorkerFetch: false,
} as const;

/** Shape pdf.js expects of `BinaryDataFactory` (it constructs it with the options above). */
export class BundledDataFactory {
  async fetch({ kind, filename }: { kind: Kind; filename: string }): Promise<Uint8Array> {
    const url = tables[kind]?.get(filename);
    if (!url) throw new Error(`Anchor does not bundle the pdf.js data file "${filename}".`);
    const response = await fetch(url);
    if (!response.ok) throw new Error(`Could not load the pdf.js data file "${filename}" (HTTP ${response.status}).`);
    return new Uint8Array(await response.arrayBuffer());
  }
}
