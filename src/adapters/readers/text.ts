/**
 * Plain-text reader: decode bytes into raw lines, honestly. UTF-8 is the default; a few invalid bytes
 * in it become U+FFFD with a warning naming the lines, never a silent re-reading of the whole file in
 * another encoding. UTF-16 is recognised with or without a byte-order mark. Windows-1252 is chosen only
 * when the whole file is consistent with it (no valid UTF-8 multi-byte sequence at all, every byte a
 * defined Windows-1252 character), and then with a note saying so.
 */
import type { Warning } from '../../core/model/extraction.js';
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

/**
 * UTF-16 without a BOM: text in Latin script has a zero in every other byte. Both halves are counted
 * over the first 8 KB; one side nearly all zeros and the other nearly none is UTF-16 of that order.
 */
function utf16Order(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 8192) & ~1;
  if (n < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > 0.6 * pairs && evenZero < 0.05 * pairs) return 'utf-16le';
  if (evenZero > 0.6 * pairs && oddZero < 0.05 * pairs) return 'utf-16be';
  return null;
}

/** Bytes Windows-1252 leaves undefined: a file containing them is not Windows-1252 either. */
const CP1252_UNDEFINED = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

interface Utf8Scan {
  /** Valid multi-byte sequences (æ, ø, å, –, …). */
  multibyte: number;
  /** 1-based lines with at least one invalid byte, in order. */
  badLines: number[];
  badBytes: number;
  /** Every byte ≥ 0x80 is a defined Windows-1252 character. */
  cp1252: boolean;
}

/** Expected continuation count and the allowed range of the second byte (RFC 3629 table). */
function leadInfo(b: number): [number, number, number] | null {
  if (b >= 0xc2 && b <= 0xdf) return [1, 0x80, 0xbf];
  if (b === 0xe0) return [2, 0xa0, 0xbf];
  if ((b >= 0xe1 && b <= 0xec) || b === 0xee || b === 0xef) return [2, 0x80, 0xbf];
  if (b === 0xed) return [2, 0x80, 0x9f];
  if (b === 0xf0) return [3, 0x90, 0xbf];
  if (b >= 0xf1 && b <= 0xf3) return [3, 0x80, 0xbf];
  if (b === 0xf4) return [3, 0x80, 0x8f];
  return null;
}

/** One linear pass: valid multi-byte sequences, lines with invalid bytes, Windows-1252 consistency. */
function scanUtf8(bytes: Uint8Array): Utf8Scan {
  const out: Utf8Scan = { multibyte: 0, badLines: [], badBytes: 0, cp1252: true };
  let line = 1;
  let i = 0;
  const bad = () => {
    out.badBytes++;
    if (out.badLines[out.badLines.length - 1] !== line) out.badLines.push(line);
  };
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      if (b === 10 || (b === 13 && bytes[i + 1] !== 10)) line++;
      i++;
      continue;
    }
    if (CP1252_UNDEFINED.has(b)) out.cp1252 = false;
    const info = leadInfo(b);
    const second = bytes[i + 1];
    if (info && second !== undefined && second >= info[1] && second <= info[2]) {
      let k = 2;
      while (k <= info[0] && (bytes[i + k]! & 0xc0) === 0x80) k++;
      if (k > info[0]) {
        out.multibyte++;
        for (let j = i + 1; j < i + k; j++) if (CP1252_UNDEFINED.has(bytes[j]!)) out.cp1252 = false;
        i += k;
        continue;
      }
    }
    bad();
    i++;
  }
  return out;
}

function linesList(lines: readonly number[]): string {
  const shown = lines.slice(0, 20).join(', ');
  return lines.length > 20 ? `${shown} og ${lines.length - 20} til` : shown;
}

export interface DecodedText {
  text: string;
  /** Notes about the encoding, for the extraction's warnings. */
  warnings: Warning[];
}

function decodeWith(encoding: string, bytes: Uint8Array, name: string): string {
  try {
    return new TextDecoder(encoding, { ignoreBOM: false }).decode(bytes);
  } catch (err) {
    // V8 caps one string at ~512 M characters: a file that would exceed it is refused, not a crash.
    if (err instanceof RangeError)
      throw new ReadError('file_too_large', `${name}: filen er for stor til å leses som tekst.`);
    throw err;
  }
}

function binaryError(name: string): ReadError {
  return new ReadError(
    'binary_file',
    `${name}: filen er ikke tekst (binært innhold). Bruk .txt, .pdf, .docx eller .html.`,
  );
}

/** Decoded UTF-16 that is mostly control characters or unpaired surrogates was binary after all. */
function checkedUtf16(text: string, name: string): string {
  const n = Math.min(text.length, 4096);
  let odd = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 12 && c !== 13) || c === 0xfffd) odd++;
  }
  if (n > 0 && odd / n > 0.05) throw binaryError(name);
  return text;
}

export function decodeTextWithNotes(bytes: Uint8Array, name: string): DecodedText {
  const b0 = bytes[0];
  const b1 = bytes[1];
  if (b0 === 0xff && b1 === 0xfe)
    return { text: checkedUtf16(decodeWith('utf-16le', bytes, name), name), warnings: [] };
  if (b0 === 0xfe && b1 === 0xff)
    return { text: checkedUtf16(decodeWith('utf-16be', bytes, name), name), warnings: [] };
  const order = b0 === 0xef ? null : utf16Order(bytes);
  if (order)
    return {
      text: checkedUtf16(decodeWith(order, bytes, name), name),
      warnings: [
        {
          code: 'encoding_utf16',
          message: `Filen mangler byte-rekkefølgemerke (BOM), men er lest som ${order.toUpperCase()}.`,
          line: null,
        },
      ],
    };
  if (looksBinary(bytes)) throw binaryError(name);
  const scan = scanUtf8(bytes);
  if (scan.badBytes === 0) return { text: decodeWith('utf-8', bytes, name), warnings: [] };
  if (scan.multibyte === 0 && scan.cp1252)
    return {
      text: decodeWith('windows-1252', bytes, name),
      warnings: [
        {
          code: 'encoding_windows_1252',
          message:
            'Filen er ikke UTF-8; den er lest som Windows-1252 (eldre Windows-tegnsett), som hele filen er i samsvar med. Kontroller æ, ø og å.',
          line: null,
        },
      ],
    };
  return {
    text: decodeWith('utf-8', bytes, name),
    warnings: [
      {
        code: 'invalid_utf8',
        message: `${scan.badBytes} ugyldige UTF-8-byte er erstattet med «\uFFFD» på linje ${linesList(scan.badLines)}. Resten av filen er lest som UTF-8.`,
        line: scan.badLines[0] ?? null,
      },
    ],
  };
}

/** The text of a file; encoding notes are dropped (readers that can report them use decodeTextWithNotes). */
export function decodeText(bytes: Uint8Array, name: string): string {
  return decodeTextWithNotes(bytes, name).text;
}

export function readTextLines(bytes: Uint8Array, name: string): string[] {
  return splitRawLines(decodeText(bytes, name));
}
