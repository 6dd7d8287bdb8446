/**
 * Loading pdfjs-dist, once per process (or worker thread), at the lowest cost it can have on Node 20:
 *
 * - The minified legacy build: the same code as pdf.mjs, but about a third less to parse and compile
 *   on every start (the legacy build is the one that runs on Node 20; the modern one needs Node 22+).
 * - Its worker module is imported here too. It registers itself as `globalThis.pdfjsWorker`, which
 *   pdfjs' in-thread ("fake") worker takes instead of importing the worker file on the first
 *   getDocument: one import fewer to wait for, and both compile together.
 * - The legacy build bundles core-js, which on Node 20 replaces `Array.prototype.push`, `JSON.parse`
 *   and `JSON.stringify` for the whole process with JavaScript versions (over spec corners such as
 *   pushing onto an array whose length is read-only, and JSON source-text access), making every push
 *   and every `--json` print of the process slower. pdfjs uses none of those corners, so the native
 *   functions are put back once both modules are loaded. The methods core-js *adds* (Node 20 lacks
 *   them, pdfjs needs them) stay.
 */
type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
export type { PdfJs };

let pdfjs: Promise<PdfJs> | null = null;

/** The natives core-js replaces, restored after loading. */
function restoreNatives(push: typeof Array.prototype.push, json: Pick<JSON, 'parse' | 'stringify'>): void {
  Object.defineProperty(Array.prototype, 'push', {
    value: push,
    writable: true,
    configurable: true,
    enumerable: false,
  });
  JSON.parse = json.parse;
  JSON.stringify = json.stringify;
}

async function load(): Promise<PdfJs> {
  const push = Array.prototype.push;
  const json = { parse: JSON.parse, stringify: JSON.stringify };
  try {
    // The .min.mjs files have no type declarations of their own: they are pdf.mjs and pdf.worker.mjs.
    const lib = (await import('pdfjs-dist/legacy/build/pdf.min.mjs' as string)) as PdfJs;
    await import('pdfjs-dist/legacy/build/pdf.worker.min.mjs' as string);
    return lib;
  } finally {
    restoreNatives(push, json);
  }
}

/** Loaded on first use: most runs read text files and should not pay for pdfjs' start-up. */
export function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= load();
  return pdfjs;
}
