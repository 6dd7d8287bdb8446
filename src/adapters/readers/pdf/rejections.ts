/**
 * An exception pdfjs raised inside its own worker code for a broken file (XRefEntryException,
 * ParserEOFException, FormatError …). Some of them end up in promises pdfjs never observes, after the
 * call we made has already failed with the same cause; they say nothing new and must not end the
 * process. The test runner's config uses the same test (vitest.config.ts).
 */
export function isPdfJsInternalRejection(reason: unknown): boolean {
  return (
    reason instanceof Error &&
    /(?:Exception|FormatError)$/.test(reason.name) &&
    (reason.stack ?? '').includes('pdfjs-dist')
  );
}
