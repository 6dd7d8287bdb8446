/**
 * Registers every available reader; import this module (not read-document.ts) to read files. A reader
 * is loaded when the first file of its format arrives: reading a text letter never loads pdf.js or
 * mammoth, which took most of a short command's start-up.
 */
import { registerReader } from './read-document.js';

registerReader('pdf', async (...a) => (await import('./pdf.js')).readPdf(...a));
registerReader('docx', async (...a) => (await import('./docx.js')).readDocx(...a));
registerReader('html', async (...a) => (await import('./html.js')).readHtml(...a));
registerReader('md', async (bytes, name) => (await import('./markdown.js')).readMarkdown(bytes, name));

export type { DocumentInput, ReadLines } from './read-document.js';
export { detectFormat, readContext, readDocument } from './read-document.js';
