/** Registers every available reader; import this module (not read-document.ts) to read files. */
import { readDocx } from './docx.js';
import { readHtml } from './html.js';
import { readMarkdown } from './markdown.js';
import { readPdf } from './pdf.js';
import { registerReader } from './read-document.js';

registerReader('pdf', readPdf);
registerReader('docx', readDocx);
registerReader('html', readHtml);
registerReader('md', readMarkdown);

export type { DocumentInput, ReadLines } from './read-document.js';
export { detectFormat, readContext, readDocument } from './read-document.js';
