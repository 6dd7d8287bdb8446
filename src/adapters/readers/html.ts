/** HTML reader: a web page (e.g. regjeringen.no's HTML edition of a letter) into raw lines. */

import { htmlToLines } from './html-lines.js';
import type { ReadLines } from './read-document.js';
import { decodeText } from './text.js';

export async function readHtml(bytes: Uint8Array, name: string): Promise<ReadLines> {
  return { lines: htmlToLines(decodeText(bytes, name), { whitespace: 'html' }) };
}
