/** Honest decoding: never a silent whole-file mis-decoding (src/adapters/readers/text.ts). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES_DIR } from '../helpers/seeds.js';
import { decodeTextWithNotes } from '../../src/adapters/readers/text.js';
import { readDocument } from '../../src/adapters/readers/index.js';
import { extract } from '../../src/core/extract/extract.js';

const enc = new TextEncoder();

/** The letter repeated, with byte 0xFF put into the given 1-based lines. */
function withBadBytes(lines: number[]): Uint8Array {
  const text = Array.from({ length: 40 }, (_, i) => `Linje ${i + 1}: særlige oppgaver for året`).join('\n');
  const parts = text.split('\n').map((l, i) => {
    const b = enc.encode(`${l}\n`);
    if (!lines.includes(i + 1)) return b;
    const out = new Uint8Array(b.length + 1);
    out.set(b.subarray(0, 5));
    out[5] = 0xff;
    out.set(b.subarray(5), 6);
    return out;
  });
  return Buffer.concat(parts);
}

describe('text encodings', () => {
  it('keeps UTF-8 when a few bytes are invalid, with U+FFFD and a warning naming the lines', () => {
    const { text, warnings } = decodeTextWithNotes(withBadBytes([3, 17]), 'brev.txt');
    expect(text).toContain('særlige');
    expect(text.split('\n')[2]).toBe('Linje\uFFFD 3: særlige oppgaver for året');
    expect(warnings).toEqual([
      {
        code: 'invalid_utf8',
        message:
          '2 ugyldige UTF-8-byte er erstattet med «\uFFFD» på linje 3, 17. Resten av filen er lest som UTF-8.',
        line: 3,
      },
    ]);
  });

  it('lists at most 20 lines and counts the rest', () => {
    const lines = Array.from({ length: 30 }, (_, i) => i + 1);
    const { warnings } = decodeTextWithNotes(withBadBytes(lines), 'brev.txt');
    expect(warnings[0]?.message).toContain('1, 2, 3');
    expect(warnings[0]?.message).toContain('20 og 10 til');
  });

  it('reads Windows-1252 only when the whole file is consistent with it, with a note', () => {
    const bytes = Uint8Array.from([...'Særlige oppgaver på ærend\n'].map((c) => c.charCodeAt(0)));
    const { text, warnings } = decodeTextWithNotes(bytes, 'ansi.txt');
    expect(text).toBe('Særlige oppgaver på ærend\n');
    expect(warnings.map((w) => w.code)).toEqual(['encoding_windows_1252']);
  });

  it('a byte Windows-1252 leaves undefined keeps the file UTF-8 with a warning', () => {
    const bytes = Uint8Array.from([0x48, 0x81, 0x69, 0x0a]);
    expect(decodeTextWithNotes(bytes, 'x.txt').warnings.map((w) => w.code)).toEqual(['invalid_utf8']);
  });

  it('reads UTF-16 in both byte orders, with and without a BOM', () => {
    const le = Buffer.from('Særlige oppgaver\n', 'utf16le');
    const be = Buffer.from(le).swap16();
    for (const [bytes, note] of [
      [Buffer.concat([Buffer.from([0xff, 0xfe]), le]), []],
      [Buffer.concat([Buffer.from([0xfe, 0xff]), be]), []],
      [le, ['encoding_utf16']],
      [be, ['encoding_utf16']],
    ] as const) {
      const { text, warnings } = decodeTextWithNotes(bytes, 'u16.txt');
      expect(text).toBe('Særlige oppgaver\n');
      expect(warnings.map((w) => w.code)).toEqual(note);
    }
  });

  it('one invalid byte in a real letter costs nothing but that character, and says so', async () => {
    const clean = readFileSync(join(EXAMPLES_DIR, 'tildelingsbrev-2026-friluftsdirektoratet.txt'));
    const at = clean.indexOf('\n', clean.length >> 1) + 1;
    const broken = Buffer.concat([clean.subarray(0, at), Buffer.from([0xff]), clean.subarray(at)]);
    const before = extract(await readDocument(clean, 'brev.txt'));
    const after = extract(await readDocument(broken, 'brev.txt'));
    expect(after.warnings[0]?.code).toBe('invalid_utf8');
    expect(before.goals.length).toBeGreaterThan(0);
    expect(after.goals.length).toBe(before.goals.length);
    expect(after.assignments.map((a) => a.id)).toEqual(before.assignments.map((a) => a.id));
  });
});
