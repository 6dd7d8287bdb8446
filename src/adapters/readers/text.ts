/** Plain-text reader: decode bytes (UTF-8, else Windows-1252) into raw lines. */
import { splitRawLines } from '../../core/text/lines.js';
import { ReadError } from './errors.js';

/** Control bytes other than tab, LF, CR and form feed mean the file is not text. */
function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12) control++;
  }
  return n > 0 && control / n > 0.05;
}

export function decodeText(bytes: Uint8Array, name: string): string {
  if (looksBinary(bytes)) {
    throw new ReadError(
      'binary_file',
      `${name}: filen er ikke tekst (binært innhold). Bruk .txt, .pdf, .docx eller .html.`,
    );
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    // Older exports are Windows-1252; decoding that as UTF-8 would turn æøå into replacement characters.
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

export function readTextLines(bytes: Uint8Array, name: string): string[] {
  return splitRawLines(decodeText(bytes, name));
}
