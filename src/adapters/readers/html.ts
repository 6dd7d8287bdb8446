/** HTML reader: a web page (e.g. regjeringen.no's HTML edition of a letter) into raw lines. */

import { htmlToLines } from './html-lines.js';
import { htmlGuard, readContext, type ReadContext, type ReadLines } from './read-document.js';
import { decodeTextWithNotes } from './text.js';

export async function readHtml(
  bytes: Uint8Array,
  name: string,
  ctx: ReadContext = readContext(name),
): Promise<ReadLines> {
  const { text, warnings } = decodeTextWithNotes(bytes, name);
  return { lines: htmlToLines(text, { whitespace: 'html', guard: htmlGuard(name, ctx) }), warnings };
}
