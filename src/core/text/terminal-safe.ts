/**
 * Text typed by users (notes, owners, reasons, actor names) or read from documents (titles, file
 * names) reaches a terminal. Control characters in it could move the cursor, clear the screen, rewrite
 * a line (CR) or reverse what follows (bidi overrides), hiding or faking output. Each one is shown as a
 * visible `\uXXXX` escape instead; because that is also JSON's own escape, JSON output stays valid and
 * means the same after the replacement. Newline and tab are layout and kept.
 */

// C0 controls except \t and \n, DEL, C1 controls, bidi embeddings/overrides/isolates, line/paragraph
// separators, and the BOM / zero-width no-break space.
const UNSAFE =
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2028\u2029\u2066-\u2069\ufeff]/g;

export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
